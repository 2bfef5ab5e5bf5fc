// For tests (here and in other packages): a demo upstream on a free port per test file.
import { afterAll, beforeAll } from 'vitest';
import { startDemoUpstream, type DemoUpstream, type DemoUpstreamOptions } from './start-demo-upstream';

export function useDemoUpstream(options: Omit<DemoUpstreamOptions, 'port'> = {}): { readonly url: string } {
  let upstream: DemoUpstream | undefined;
  beforeAll(async () => {
    upstream = await startDemoUpstream({ port: 0, ...options });
  });
  afterAll(async () => {
    await upstream?.close();
  });
  return {
    get url() {
      if (!upstream) throw new Error('useDemoUpstream: only available inside tests');
      return upstream.url;
    },
  };
}

/** fetch + JSON body in one call. */
export async function call(
  base: string,
  path: string,
  init: RequestInit & { json?: unknown } = {},
): Promise<{ status: number; headers: Headers; body: unknown; contentType: string }> {
  const { json, ...rest } = init;
  const response = await fetch(base + path, {
    ...rest,
    ...(json === undefined ? {} : { body: JSON.stringify(json), headers: { 'content-type': 'application/json', ...rest.headers } }),
  });
  const text = await response.text();
  const contentType = response.headers.get('content-type') ?? '';
  return { status: response.status, headers: response.headers, contentType, body: text && contentType.includes('json') ? JSON.parse(text) : text };
}
