import type FindMyWay from 'find-my-way';

export type Router = FindMyWay.Instance<FindMyWay.HTTPVersion.V1>;

/**
 * The routers of a snapshot by request host: one per exact host name and per wildcard
 * (`*.example.com`, one label deep) that some API lists, each also holding the APIs
 * without hosts; `fallback` holds only those. Exact names win over wildcards.
 */
export class HostRouters {
  constructor(
    readonly fallback: Router,
    readonly exact: ReadonlyMap<string, Router>,
    /** Keyed by the suffix after `*.`. */
    readonly wildcard: ReadonlyMap<string, Router>,
  ) {}

  get hostBound(): boolean {
    return this.exact.size > 0 || this.wildcard.size > 0;
  }

  /** The router for a Host header (any case, with or without port). */
  forHost(hostHeader: string | undefined): Router {
    if (hostHeader === undefined || (this.exact.size === 0 && this.wildcard.size === 0)) return this.fallback;
    const host = normalizeHost(hostHeader);
    const exact = this.exact.get(host);
    if (exact !== undefined) return exact;
    const dot = host.indexOf('.');
    return (dot > 0 ? this.wildcard.get(host.slice(dot + 1)) : undefined) ?? this.fallback;
  }
}

/** Lower-cased host name without port; IPv6 literals keep their brackets. */
export function normalizeHost(host: string): string {
  let end = host.length;
  const colon = host.lastIndexOf(':');
  if (colon !== -1 && host.indexOf(']', colon) === -1) end = colon;
  const name = end === host.length ? host : host.slice(0, end);
  return name.endsWith('.') ? name.slice(0, -1).toLowerCase() : name.toLowerCase();
}
