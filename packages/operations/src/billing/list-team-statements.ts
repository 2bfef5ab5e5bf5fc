import { z } from 'zod';
import { ZSlug, ZStatementQuery } from '@tollgate/contracts';
import { listStatements, type StatementRow } from '@tollgate/db';
import { TollgateError } from '@tollgate/errors';
import { defineOperation } from '../core/define-operation';
import { resolveUsageScope } from '../usage/usage-scope';

const ZStatementsQuery = z.strictObject({ app: ZSlug.optional() });

/** Statements of the subscriptions in scope, newest period first, each with its line items. */
export const listTeamStatements = defineOperation({
  name: 'billing.statements.list',
  role: 'developer',
  input: ZStatementsQuery,
  async run(tx, input, ctx): Promise<StatementRow[]> {
    const scope = await resolveUsageScope(tx, ctx.principal, input);
    if (scope.appIds !== null && scope.appIds.length === 0) return [];
    return listStatements(tx, scope.appIds === null ? {} : { appIds: scope.appIds });
  },
});

/** One statement by id; another team's (or a missing one) is not_found. */
export const getTeamStatement = defineOperation({
  name: 'billing.statements.get',
  role: 'developer',
  input: ZStatementQuery,
  async run(tx, input, ctx): Promise<StatementRow> {
    const scope = await resolveUsageScope(tx, ctx.principal);
    const [statement] = scope.appIds !== null && scope.appIds.length === 0 ? [] : await listStatements(tx, { id: input.id, ...(scope.appIds === null ? {} : { appIds: scope.appIds }) });
    if (!statement) throw new TollgateError('not_found', { detail: `No statement with id "${input.id}".` });
    return statement;
  },
});
