// Clients for tests of what slow or greedy callers can do to everyone else: request
// bodies that trickle in, and requests made from a chosen loopback address (Linux
// accepts any 127.0.0.0/8 source), so each "client" has an address of its own.
import { Agent, request } from 'undici';
import { rawSocket, type RawExchange } from './raw-socket';

/**
 * Opens `count` connections that each send `head` (request line and headers), then one
 * body byte every `gapMs` for `holdMs`, and give up a second later (time for an answer
 * the server sent at the end to arrive). Resolves with what each received.
 */
export function trickleBodies(baseUrl: string, count: number, head: string, options: { gapMs: number; holdMs: number }): Promise<RawExchange[]> {
  const bytes = Math.floor(options.holdMs / options.gapMs);
  const parts = [head, ...Array.from({ length: bytes }, () => 'x')];
  return Promise.all(Array.from({ length: count }, () => rawSocket(baseUrl, parts, { gapMs: options.gapMs, timeoutMs: options.holdMs + 1_000 })));
}

const agents = new Map<string, Agent>();

/** A dispatcher whose connections come from `address`. */
export function fromAddress(address: string): Agent {
  let agent = agents.get(address);
  if (agent === undefined) agents.set(address, (agent = new Agent({ localAddress: address })));
  return agent;
}

export async function closeAddressAgents(): Promise<void> {
  await Promise.all([...agents.values()].map((agent) => agent.close()));
  agents.clear();
}

export interface TimedAnswer {
  status: number;
  /** The problem's `code`, when the answer is problem+json. */
  code?: string;
  headers: Record<string, string | string[] | undefined>;
  ms: number;
}

/** One request from `address`, timed until its body has been read. */
export async function timedRequest(url: string, address: string, init: { method?: string; headers?: Record<string, string>; body?: string; timeoutMs?: number } = {}): Promise<TimedAnswer> {
  const started = performance.now();
  const response = await request(url, {
    method: (init.method ?? 'GET') as 'GET',
    headers: init.headers,
    body: init.body,
    dispatcher: fromAddress(address),
    signal: AbortSignal.timeout(init.timeoutMs ?? 5_000),
  });
  const text = await response.body.text();
  const code = response.headers['content-type'] === 'application/problem+json' ? (JSON.parse(text) as { code: string }).code : undefined;
  return { status: response.statusCode, code, headers: response.headers, ms: performance.now() - started };
}

/** Sends `next()` requests one after another every `everyMs` until `forMs` has passed. */
export async function keepAsking(forMs: number, everyMs: number, next: () => Promise<TimedAnswer>): Promise<TimedAnswer[]> {
  const answers: TimedAnswer[] = [];
  const until = Date.now() + forMs;
  while (Date.now() < until) {
    const started = Date.now();
    answers.push(await next().catch((error: unknown) => ({ status: 0, code: String(error), headers: {}, ms: Date.now() - started })));
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, everyMs - (Date.now() - started))));
  }
  return answers;
}
