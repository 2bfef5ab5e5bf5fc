import { useTestDatabase } from '@tollgate/db/testing';
import { describe, expect, it } from 'vitest';
import { CLI_PRINCIPAL, type Principal } from '../core/principal';
import { runOperation } from '../core/run-operation';
import { ignoreDiscoveredEndpoint } from './ignore-discovered-endpoint';
import { listDiscoveredEndpoints } from './list-discovered-endpoints';
import { mergeDiscoveredEndpoints } from './merge-discovered-endpoints';
import type { DiscoveryObservation } from './observation';
import { recordObservations } from './record-observations';
import { splitDiscoveredEndpoint } from './split-discovered-endpoint';

const t = useTestDatabase();
const viewer: Principal = { kind: 'user', id: 'viewer', label: 'viewer@example.com', role: 'viewer' };

const seen = (template: string, extra: Partial<DiscoveryObservation> = {}): DiscoveryObservation => ({
  host: '',
  method: 'GET',
  template,
  hits: 1,
  statuses: { 200: 1 },
  consumers: ['10.0.0.1'],
  credentialsSeen: false,
  unauthenticatedHits: 1,
  firstSeenAt: new Date('2026-12-01T00:00:00Z'),
  lastSeenAt: new Date('2026-12-01T00:00:00Z'),
  samples: { [template]: 1 },
  source: 'gateway',
  ...extra,
});
const record = (list: DiscoveryObservation[]) => t.db.$transaction((tx) => recordObservations(tx, list));
const paths = async () => (await runOperation(t.db, CLI_PRINCIPAL, listDiscoveredEndpoints, { kind: 'shadow' })).map((row) => row.path).sort();
const NAMES = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace', 'heidi', 'ivan', 'judy'];

describe('stored discoveries', () => {
  it('fold stored literals into one template once the threshold is crossed, adding their counts', async () => {
    await record(NAMES.slice(0, 9).map((name) => seen(`/profiles/${name}`)));
    expect(await paths()).toHaveLength(9);
    await record([seen('/profiles/judy'), seen('/profiles/me')]);
    const rows = await runOperation(t.db, CLI_PRINCIPAL, listDiscoveredEndpoints, { kind: 'shadow' });
    expect(rows.map((row) => row.path)).toEqual(['/profiles/{name}']);
    expect(rows[0]).toMatchObject({ hits: 11, consumers: 1, unauthenticatedHits: 11, flags: ['unauthenticated-shadow'] });
  });

  it('queue one shadow_found event per new shadow endpoint, not per flush', async () => {
    await t.db.webhook.create({ data: { url: 'http://127.0.0.1:9/hooks', secret: 'whsec_x', eventTypes: [] } });
    await record([seen('/reports/123')]);
    await record([seen('/reports/456')]);
    const events = await t.db.webhookDelivery.findMany({ where: { eventType: 'dev.tollgate.discovery.shadow_found' } });
    expect(events.map((event) => (event.payload as { subject: string }).subject)).toEqual(['GET /reports/{id}']);
  });

  it('a split keeps the literals apart, also when new traffic and re-runs come', async () => {
    await record([seen('/tenants/{id}', { hits: 3, samples: { '/tenants/100': 2, '/tenants/200': 1 } })]);
    const row = (await runOperation(t.db, CLI_PRINCIPAL, listDiscoveredEndpoints, {})).find((entry) => entry.path === '/tenants/{id}')!;
    const split = await runOperation(t.db, CLI_PRINCIPAL, splitDiscoveredEndpoint, { id: row.id });
    expect(split.literals.sort()).toEqual(['/tenants/100', '/tenants/200']);
    await record([seen('/tenants/100'), ...Array.from({ length: 12 }, (_, i) => seen(`/tenants/${300 + i}`))]);
    const tenants = (await paths()).filter((path) => path.startsWith('/tenants'));
    expect(tenants).toContain('/tenants/100');
    expect(tenants).not.toContain('/tenants/{id}');
    const hundred = (await runOperation(t.db, CLI_PRINCIPAL, listDiscoveredEndpoints, {})).find((entry) => entry.path === '/tenants/100')!;
    expect(hundred.hits).toBe(3);
  });

  it('a merge folds one template into another, now and for later traffic', async () => {
    await record([seen('/old-items/{id}', { hits: 2 }), seen('/items/{id}', { hits: 5 })]);
    const rows = await runOperation(t.db, CLI_PRINCIPAL, listDiscoveredEndpoints, {});
    const from = rows.find((row) => row.path === '/old-items/{id}')!;
    const into = rows.find((row) => row.path === '/items/{id}')!;
    await runOperation(t.db, CLI_PRINCIPAL, mergeDiscoveredEndpoints, { id: from.id, into: into.id });
    await record([seen('/old-items/{id}', { hits: 4 })]);
    const after = await runOperation(t.db, CLI_PRINCIPAL, listDiscoveredEndpoints, {});
    expect(after.find((row) => row.path === '/old-items/{id}')).toBeUndefined();
    expect(after.find((row) => row.path === '/items/{id}')!.hits).toBe(11);
  });

  it('ignore hides an endpoint from the inventory; actions need the admin role and are audited', async () => {
    const row = (await runOperation(t.db, CLI_PRINCIPAL, listDiscoveredEndpoints, {})).find((entry) => entry.path === '/items/{id}')!;
    await expect(runOperation(t.db, viewer, ignoreDiscoveredEndpoint, { id: row.id })).rejects.toMatchObject({ code: 'forbidden' });
    await runOperation(t.db, CLI_PRINCIPAL, ignoreDiscoveredEndpoint, { id: row.id });
    expect((await paths()).includes('/items/{id}')).toBe(false);
    const all = await runOperation(t.db, viewer, listDiscoveredEndpoints, { includeIgnored: true });
    expect(all.find((entry) => entry.path === '/items/{id}')).toMatchObject({ ignored: true });
    const audit = await t.db.auditLog.findMany({ where: { resourceType: 'discovered_endpoint' }, orderBy: { createdAt: 'asc' } });
    expect(audit.map((entry) => entry.action)).toEqual(['discovery.split', 'discovery.merge', 'discovery.ignore']);
  });
});
