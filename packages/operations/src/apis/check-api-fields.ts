import { API_TRANSITIONS, type TApiStatus } from '@tollgate/contracts';
import { TollgateError, type InvalidParam } from '@tollgate/errors';
import type { Tx } from '../core/define-operation';

interface ApiFields {
  id?: string;
  slug: string;
  basePath: string;
  hosts: readonly string[];
  status: TApiStatus;
  sunsetAt: Date | null;
}

/** Rules that need the database or the record's past: unique slug, one API per basePath and host set, lifecycle. */
export async function checkApiFields(tx: Tx, next: ApiFields, previous?: ApiFields): Promise<void> {
  if (previous && previous.status !== next.status && !API_TRANSITIONS[previous.status].includes(next.status)) {
    throw invalid({ name: 'status', reason: `cannot move from ${previous.status} to ${next.status}` });
  }
  if (next.sunsetAt && next.status !== 'deprecated') {
    throw invalid({ name: 'sunsetAt', reason: 'only a deprecated API has a sunset date' });
  }
  if (!previous || previous.slug !== next.slug) {
    const taken = await tx.api.findUnique({ where: { slug: next.slug }, select: { id: true } });
    if (taken) throw conflict({ name: 'slug', reason: `"${next.slug}" is already taken` });
  }
  const sameBase = await tx.api.findMany({ where: { basePath: next.basePath, ...(next.id ? { id: { not: next.id } } : {}) }, select: { slug: true, hosts: true } });
  const clash = sameBase.find((other) => sameHostClaim(other.hosts, next.hosts));
  if (clash) throw conflict({ name: 'basePath', reason: `"${next.basePath}" is already served by API "${clash.slug}" for the same hosts` });
}

function sameHostClaim(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || b.length === 0) return a.length === b.length;
  return a.some((host) => b.includes(host));
}

const invalid = (param: InvalidParam) => new TollgateError('invalid_params', { detail: `${param.name} ${param.reason}.`, invalidParams: [param] });
const conflict = (param: InvalidParam) => new TollgateError('conflict', { detail: `${param.name} ${param.reason}.`, invalidParams: [param] });
