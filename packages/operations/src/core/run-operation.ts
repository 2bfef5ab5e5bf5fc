import type { z } from 'zod';
import { bumpConfigRevision, type Change, type ChangeKind, type Db, type Prisma } from '@tollgate/db';
import { toInvalidParams } from '@tollgate/contracts';
import { TollgateError } from '@tollgate/errors';
import type { AuditRecord, Operation, OperationContext, OperationMeta } from './define-operation';
import { hasRole, type Principal } from './principal';
import { diff, redact } from './redact';
import { etagOf } from './etag';
import { translateDbError } from './translate-db-error';

const TRANSACTION_TIMEOUT_MS = 20_000;

/**
 * The one way into the data: checks the principal's role, validates the input with the
 * operation's schema, and runs a write in one transaction with its config revision bump
 * and audit entries, so either all of it lands or none.
 */
export async function runOperation<TInput extends z.ZodType, TResult>(
  db: Db,
  principal: Principal,
  operation: Operation<TInput, TResult>,
  rawInput: unknown,
  meta: OperationMeta = {},
): Promise<TResult> {
  if (!hasRole(principal, operation.role)) {
    throw new TollgateError('forbidden', { detail: `${operation.name} needs the ${operation.role} role.` });
  }
  const parsed = operation.input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    throw new TollgateError('invalid_params', { detail: 'The request has invalid fields.', invalidParams: toInvalidParams(parsed.error) });
  }
  const input = parsed.data as z.output<TInput>;
  const changes: Change[] = [];
  const audits: AuditRecord[] = [];
  const ctx: OperationContext = {
    principal,
    meta,
    configChanged: (kind: ChangeKind, id?: string, name = '') => void changes.push({ action: 'update', kind, id, name }),
    audit: (record) => {
      if (!operation.audit) throw new Error(`${operation.name} is a read and cannot write audit entries`);
      audits.push(record);
    },
    checkIfMatch: (current) => {
      if (meta.ifMatch !== undefined && meta.ifMatch !== '*' && meta.ifMatch !== etagOf(current)) {
        throw new TollgateError('precondition_failed', { detail: 'The record changed since it was read (If-Match is stale).' });
      }
    },
  };
  try {
    if (!operation.audit) return await operation.run(db, input, ctx);
    const resourceType = operation.audit.resourceType;
    return await db.$transaction(
      async (tx) => {
        const result = await operation.run(tx, input, ctx);
        if (audits.length === 0) throw new Error(`${operation.name} wrote no audit entry`);
        if (changes.length > 0) await bumpConfigRevision(tx, changes);
        await tx.auditLog.createMany({ data: audits.map((record) => auditRow(operation.name, resourceType, principal, meta, record)) });
        return result;
      },
      { timeout: operation.timeoutMs ?? TRANSACTION_TIMEOUT_MS, maxWait: TRANSACTION_TIMEOUT_MS },
    );
  } catch (error) {
    throw translateDbError(error);
  }
}

function auditRow(name: string, resourceType: string, principal: Principal, meta: OperationMeta, record: AuditRecord): Prisma.AuditLogCreateManyInput {
  const both = record.before !== undefined && record.after !== undefined ? diff(record.before, record.after) : null;
  const json = (value: unknown) => (value === undefined || value === null ? undefined : (value as Prisma.InputJsonValue));
  return {
    actorType: principal.kind,
    actorId: principal.id,
    actorLabel: principal.label,
    action: record.action ?? name,
    resourceType,
    resourceId: record.resourceId,
    ip: principal.ip ?? meta.ip ?? null,
    requestId: meta.requestId ?? null,
    before: json(both ? both.before : redact(record.before)),
    after: json(both ? both.after : redact(record.after)),
  };
}
