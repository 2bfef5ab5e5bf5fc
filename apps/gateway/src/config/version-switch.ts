import type { CompiledRoute } from './compiled-snapshot.types';

/**
 * One method + path of an API whose versions are chosen by a request header: the route
 * each version serves there, the route every version shares, and which to take when the
 * header is absent. Built at compile time; `select` is one Map lookup.
 */
export class VersionSwitch {
  readonly byMatch = new Map<string, CompiledRoute>();
  shared: CompiledRoute | null = null;

  constructor(
    /** Lower-cased header name, as Node exposes it. */
    readonly header: string,
    /** Every version match of the API (a known version without a route here falls back to `shared`). */
    readonly versions: ReadonlySet<string>,
    /** Match of the default version, or null. */
    readonly defaultMatch: string | null,
  ) {}

  /** Any route of the switch: for lookups that only need the API (CORS preflights). */
  any(): CompiledRoute {
    return this.shared ?? this.byMatch.values().next().value!;
  }

  /** The route for a header value, or a string naming why none serves. */
  select(value: string | undefined): CompiledRoute | string {
    if (value === undefined || value === '') {
      if (this.defaultMatch !== null) return this.byMatch.get(this.defaultMatch) ?? this.shared ?? `version ${this.defaultMatch} (the default)`;
      return this.shared ?? `no ${this.header} header and no default version`;
    }
    const route = this.byMatch.get(value);
    if (route !== undefined) return route;
    if (!this.versions.has(value)) return `unknown version "${value}" (${this.header}: ${[...this.versions].join(', ')})`;
    return this.shared ?? `version ${value}`;
  }
}
