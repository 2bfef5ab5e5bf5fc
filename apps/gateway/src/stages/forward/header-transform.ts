import type { THeaderTransform } from '@tollgate/contracts';

/** A route's header transform as the request path applies it: names lower-cased once. */
export interface CompiledHeaderTransform {
  /** Removed, and replaced where set: what the transform says about each name. */
  readonly drop: ReadonlySet<string>;
  readonly set: readonly (readonly [name: string, value: string])[];
}

export function compileHeaderTransform(policy: THeaderTransform | undefined): CompiledHeaderTransform | null {
  if (policy === undefined) return null;
  const set = Object.entries(policy.set).map(([name, value]) => [name.toLowerCase(), value] as const);
  if (set.length === 0 && policy.remove.length === 0) return null;
  return { drop: new Set([...policy.remove.map((name) => name.toLowerCase()), ...set.map(([name]) => name)]), set };
}
