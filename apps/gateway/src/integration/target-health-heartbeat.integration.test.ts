// Each gateway reports the live health of its upstream targets with its heartbeat, so
// the console can show it without asking the gateways.
import { ZConfigFile } from '@tollgate/contracts';
import { applyConfig } from '@tollgate/db';
import { useTestDatabase } from '@tollgate/db/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TargetHealth } from '../adapters/upstream/describe-targets';
import type { RunningGateway } from '../start-gateway';
import { rawRequest } from '../testing/raw-request';
import { REFUSED_PORT } from '../testing/refused-port';
import { eventually, startTestGateway } from '../testing/test-gateway';
import { startTestUpstream, type TestUpstream } from '../testing/test-upstream';

const t = useTestDatabase();
let upstream: TestUpstream;
let gateway: RunningGateway;
const DOWN = `http://127.0.0.1:${REFUSED_PORT}`;

beforeAll(async () => {
  upstream = await startTestUpstream();
  const api = (slug: string, urls: string[]) => ({
    slug,
    name: slug,
    basePath: `/${slug}`,
    status: 'published',
    upstream: { targets: urls.map((url) => ({ url })), passive: { consecutiveFailures: 2, ejectMs: 60_000 }, retries: { attempts: 0 } },
    routes: [{ path: '/x', methods: ['GET'], auth: 'none' }],
  });
  // The last available target of an upstream is never ejected, so the failing one has a healthy sibling.
  await applyConfig(t.db, ZConfigFile.parse({ apis: [api('up', [upstream.url]), api('mixed', [upstream.url, DOWN])] }), { baseDir: process.cwd() });
  gateway = await startTestGateway(t.url);
});

afterAll(async () => {
  await gateway?.close();
  await upstream?.close();
});

async function reportedTargets(): Promise<TargetHealth[]> {
  const rows = await t.db.gatewayInstance.findMany();
  expect(rows).toHaveLength(1);
  return ((rows[0]!.status as { targets?: TargetHealth[] }).targets ?? []).sort((a, b) => `${a.api} ${a.url}`.localeCompare(`${b.api} ${b.url}`));
}

it('reports every target healthy at first, then an ejected one as it is', async () => {
  await eventually(async () => {
    expect((await reportedTargets()).map((target) => [target.api, target.url, target.healthy])).toEqual([
      ['mixed', DOWN, true],
      ['mixed', upstream.url, true],
      ['up', upstream.url, true],
    ]);
  }, 10_000);
  let failures = 0;
  for (let i = 0; i < 10 && failures < 2; i++) if ((await rawRequest(gateway.url, '/mixed/x')).status === 502) failures++;
  expect(failures).toBe(2);
  await eventually(async () => {
    const [down, sibling, up] = await reportedTargets();
    expect(down).toMatchObject({ api: 'mixed', url: DOWN, healthy: false, inFlight: 0, breaker: 'closed' });
    expect(Date.parse(down!.ejectedUntil!)).toBeGreaterThan(Date.now());
    expect(sibling).toMatchObject({ api: 'mixed', url: upstream.url, healthy: true, ejectedUntil: null });
    expect(up).toMatchObject({ api: 'up', healthy: true, ejectedUntil: null });
  }, 10_000);
});
