import { ZGetRequestLogEntryQuery, type TRequestLogDetail } from '@tollgate/contracts';
import { TollgateError } from '@tollgate/errors';
import { defineOperation } from '../core/define-operation';
import { toRequestLogEntries } from './to-request-log-entries';

/** One request by (time, id), with the API, app, team, key and plan it names; headers and bodies are never recorded. */
export const getRequestLogEntry = defineOperation({
  name: 'request_log.get',
  role: 'viewer',
  input: ZGetRequestLogEntryQuery,
  async run(tx, input): Promise<TRequestLogDetail> {
    const row = await tx.requestLog.findUnique({ where: { time_id: { time: new Date(input.time), id: input.id } } });
    if (!row) throw new TollgateError('not_found', { detail: `No request "${input.id}" at ${input.time}.` });
    const [[entry], api, app, key, plan] = await Promise.all([
      toRequestLogEntries(tx, [row]),
      row.apiId ? tx.api.findUnique({ where: { id: row.apiId }, select: { name: true } }) : null,
      row.appId ? tx.app.findUnique({ where: { id: row.appId }, select: { name: true, team: { select: { slug: true } } } }) : null,
      row.keyId ? tx.apiKey.findUnique({ where: { id: row.keyId }, select: { name: true } }) : null,
      row.planId ? tx.plan.findUnique({ where: { id: row.planId }, select: { slug: true } }) : null,
    ]);
    return {
      ...entry!,
      batchId: row.batchId,
      apiId: row.apiId,
      apiName: api?.name ?? null,
      appId: row.appId,
      appName: app?.name ?? null,
      teamSlug: app?.team.slug ?? null,
      keyId: row.keyId,
      keyName: key?.name ?? null,
      subscriptionId: row.subscriptionId,
      planId: row.planId,
      planSlug: plan?.slug ?? null,
    };
  },
});
