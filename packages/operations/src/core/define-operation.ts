import type { z } from 'zod';
import type { ChangeKind, Prisma } from '@tollgate/db';
import type { Principal, PrincipalRole } from './principal';

export type Tx = Prisma.TransactionClient;

export interface OperationMeta {
  requestId?: string;
  /** Client address; the principal's own `ip` wins when both are set. */
  ip?: string;
  /** The caller's If-Match: a write compares it with the record's current ETag. */
  ifMatch?: string;
}

export interface AuditRecord {
  /** Defaults to the operation's name. */
  action?: string;
  resourceId: string | null;
  before?: unknown;
  after?: unknown;
}

export interface OperationContext {
  readonly principal: Principal;
  readonly meta: OperationMeta;
  /** Gateway config changed: the revision is bumped once, in this transaction, when run returns. */
  configChanged(kind: ChangeKind, id?: string, name?: string): void;
  /** The audit entry of this write; every write records at least one. */
  audit(record: AuditRecord): void;
  /** 412 precondition_failed when the caller sent If-Match and it names another version of `current`. */
  checkIfMatch(current: unknown): void;
}

export interface Operation<TInput extends z.ZodType = z.ZodType, TResult = unknown> {
  /** `<resource>.<verb>`, e.g. `apis.create`; the audit action unless a record says otherwise. */
  name: string;
  role: PrincipalRole;
  input: TInput;
  /** Present on writes: they run in one transaction and write audit entries for this resource type. */
  audit?: { resourceType: string };
  /** The write's transaction may take this long (default 20 s); a bulk write such as config.apply needs more. */
  timeoutMs?: number;
  run(tx: Tx, input: z.output<TInput>, ctx: OperationContext): Promise<TResult>;
}

/** Declares an operation; the type parameters follow from the schema and `run`. */
export function defineOperation<TInput extends z.ZodType, TResult>(operation: Operation<TInput, TResult>): Operation<TInput, TResult> {
  return Object.freeze(operation);
}
