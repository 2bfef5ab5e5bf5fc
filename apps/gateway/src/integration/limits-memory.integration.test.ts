import { useTestDatabase } from '@tollgate/db/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RunningGateway } from '../start-gateway';
import { startTestGateway } from '../testing/test-gateway';
import { startTestUpstream, type TestUpstream } from '../testing/test-upstream';
import { applyLimitConfig, call, count } from './limits-fixture';

const t = useTestDatabase();
let upstream: TestUpstream;
let gateway: RunningGateway;
let keys: Record<string, string>;
const lines: string[] = [];

beforeAll(async () => {
  upstream = await startTestUpstream();
  keys = await applyLimitConfig(t.db, upstream.url, [{ slug: 'five', rateLimit: { requests: 5, per: 'hour' } }]);
  gateway = await startTestGateway(t.url, { REDIS_URL: '', LOG_LEVEL: 'info' }, { logDestination: { write: (line: string) => void lines.push(line) } });
});

afterAll(async () => {
  await gateway?.close();
  await upstream?.close();
});

it('says at start that limits are kept in memory when REDIS_URL is unset, and still enforces them', async () => {
  expect(lines.some((line) => line.includes('REDIS_URL is not set'))).toBe(true);
  const statuses: number[] = [];
  for (let i = 0; i < 8; i++) statuses.push((await call(gateway, keys.five!)).status);
  expect(count(statuses, 200)).toBe(5);
  expect(count(statuses, 429)).toBe(3);
});
