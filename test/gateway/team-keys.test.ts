// Keys a developer manages in the portal, through the team-scoped operations, reach a running
// gateway through LISTEN/NOTIFY alone (its heartbeat is a minute): a new key works within a
// second; after a roll with a grace period both the old and the new secret work; a revoked key
// is refused.
import { useTestDatabase } from '@tollgate/db/testing';
import {
  createApi,
  createPlan,
  createRoute,
  createTeam,
  createTeamApp,
  createTeamKey,
  developerPrincipal,
  revokeTeamKey,
  rollTeamKey,
  runOperation,
  subscribeTeamApp,
  type Principal,
} from '@tollgate/operations';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../../apps/gateway/src/start-gateway';
import { eventually, startTestGateway } from '../../apps/gateway/src/testing/test-gateway';
import { startTestUpstream, type TestUpstream } from '../../apps/gateway/src/testing/test-upstream';

const t = useTestDatabase();
const admin: Principal = { kind: 'user', id: '00000000-0000-4000-8000-0000000000ad', label: 'admin@example.com', role: 'admin' };
let dev: Principal;
let upstream: TestUpstream;
let gateway: RunningGateway;

beforeAll(async () => {
  upstream = await startTestUpstream();
  await runOperation(t.db, admin, createApi, { slug: 'weather', name: 'Weather', basePath: '/weather', status: 'published', upstream: { targets: [{ url: upstream.url }] } });
  await runOperation(t.db, admin, createRoute, { apiSlug: 'weather', path: '/forecast/{city}', methods: ['GET'] });
  await runOperation(t.db, admin, createPlan, { slug: 'free', name: 'Free', apis: ['weather'] });
  await runOperation(t.db, admin, createTeam, { slug: 'acme', name: 'Acme' });
  const user = await t.db.user.create({ data: { email: 'dev@example.com', name: 'Dev', passwordHash: 'x', emailVerifiedAt: new Date() } });
  await t.db.teamMember.create({ data: { teamId: (await t.db.team.findUniqueOrThrow({ where: { slug: 'acme' } })).id, userId: user.id, role: 'owner' } });
  dev = developerPrincipal(user);
  await runOperation(t.db, dev, createTeamApp, { team: 'acme', slug: 'acme-app', name: 'Acme App' });
  await runOperation(t.db, dev, subscribeTeamApp, { app: 'acme-app', api: 'weather', plan: 'free' });
  gateway = await startTestGateway(t.url, { GATEWAY_HEARTBEAT_MS: 60_000 });
});

afterAll(async () => {
  await gateway?.close();
  await upstream?.close();
});

const statusOf = async (key: string) => {
  const response = await fetch(`${gateway.url}/weather/forecast/paris`, { headers: { authorization: `Bearer ${key}` } });
  await response.arrayBuffer();
  return response.status;
};
const expectStatus = (key: string, status: number) => async () => expect(await statusOf(key)).toBe(status);

describe('developer keys on a running gateway', () => {
  it('serves a new key within a second, both secrets during a roll\'s grace, and refuses a revoked key', async () => {
    const key = await runOperation(t.db, dev, createTeamKey, { app: 'acme-app', name: 'production' });
    await eventually(expectStatus(key.key, 200), 1_000);

    const rolled = await runOperation(t.db, dev, rollTeamKey, { id: key.id, graceDays: 1 });
    await eventually(expectStatus(rolled.key.key, 200), 1_000);
    // The old secret keeps working through the grace: its expiry is a day away.
    expect(await statusOf(key.key)).toBe(200);

    await runOperation(t.db, dev, revokeTeamKey, { id: key.id });
    await eventually(expectStatus(key.key, 401), 1_000);
    expect(await statusOf(rolled.key.key)).toBe(200);
  });

  it('ends the old secret at once when rolled with no grace', async () => {
    const key = await runOperation(t.db, dev, createTeamKey, { app: 'acme-app', name: 'ci', scope: 'api', api: 'weather' });
    await eventually(expectStatus(key.key, 200), 1_000);
    const rolled = await runOperation(t.db, dev, rollTeamKey, { id: key.id, graceDays: 0 });
    await eventually(expectStatus(rolled.key.key, 200), 1_000);
    await eventually(expectStatus(key.key, 401), 1_000);
  });
});
