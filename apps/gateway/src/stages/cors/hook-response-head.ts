import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';

/** Sees (and may replace) the headers of a response just before its head is written. */
export type HeadHook = (status: number, headers: OutgoingHttpHeaders) => OutgoingHttpHeaders;

/**
 * Wraps this one response's writeHead, so a stage that runs before forwarding can shape
 * the head of whatever answers: the upstream, a cache hit, or a problem. Hooks set later
 * run first. Only the object form of writeHead's headers is handed to the hook (the
 * gateway never passes a raw array); headers set with setHeader stay where they are.
 */
export function hookResponseHead(res: ServerResponse, hook: HeadHook): void {
  const original = res.writeHead;
  res.writeHead = function writeHead(this: ServerResponse, status: number, ...rest: unknown[]) {
    const at = typeof rest[0] === 'string' ? 1 : 0;
    const given = rest[at];
    if (Array.isArray(given)) return original.apply(this, [status, ...rest] as Parameters<typeof original>);
    rest[at] = hook(status, (given ?? {}) as OutgoingHttpHeaders);
    return original.apply(this, [status, ...rest] as Parameters<typeof original>);
  } as typeof res.writeHead;
}
