import { afterAll, describe, expect, it } from 'vitest';
import { UpstreamPools } from './upstream-pools';
import { readUpstreamSettings } from './upstream-settings';

const pools = new UpstreamPools({ connections: 1, connectTimeoutMs: 1_234 });
afterAll(() => pools.close(100));

const targets = [
  { id: 'a', url: 'http://127.0.0.1:4101', weight: 1 },
  { id: 'b', url: 'http://127.0.0.1:4102', weight: 1 },
];

describe('readUpstreamSettings', () => {
  it('fills the schema defaults and the gateway connect timeout', () => {
    const settings = readUpstreamSettings({}, 1_234, () => {});
    expect(settings.timeouts.connectMs).toBe(1_234);
    expect(settings.retries).toEqual({ attempts: 2, backoffMs: 50 });
    expect(readUpstreamSettings({ timeouts: { connectMs: 50 } }, 1_234, () => {}).timeouts.connectMs).toBe(50);
  });

  it('falls back to the defaults with a warning when the settings do not parse', () => {
    const warnings: string[] = [];
    expect(readUpstreamSettings({ retries: { attempts: 99 } }, 1_000, (m) => warnings.push(m)).retries.attempts).toBe(2);
    expect(warnings[0]).toMatch(/retries\.attempts/);
  });
});

describe('UpstreamState passive health', () => {
  it('ejects a target after consecutive failures, but never the last one taking traffic', () => {
    const { state, targets: [a, b] } = pools.upstream({ id: 'p', loadBalancing: 'round_robin', settings: { passive: { consecutiveFailures: 2, ejectMs: 1_000 } }, targets });
    expect(state.failed(a!, 0)).toBe(false);
    expect(state.failed(a!, 0)).toBe(true);
    expect(a!.available(999)).toBe(false);
    expect(a!.available(1_000)).toBe(true);
    // a is out: b is the last target taking traffic and stays in.
    expect(state.failed(b!, 10)).toBe(false);
    expect(state.failed(b!, 10)).toBe(false);
    expect(b!.available(10)).toBe(true);
  });

  it('stops the health checker when a reload no longer uses the upstream', () => {
    const source = { id: 'h', loadBalancing: 'round_robin' as const, settings: { healthCheck: { path: '/health', intervalMs: 60_000 } }, targets };
    pools.upstream(source);
    pools.retain(new Set(['http://127.0.0.1:4101', 'http://127.0.0.1:4102']));
    const { state } = pools.upstream(source);
    expect(state.checking).toBe(true);
    pools.retain(new Set());
    pools.retain(new Set());
    expect(state.checking).toBe(false);
  });
});
