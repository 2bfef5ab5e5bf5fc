import { describe, expect, it } from 'vitest';
import { expectRouteGuards } from '@/test/expect-route-guards';
import { call, json, useAdminApi } from '@/test/use-admin-api';

const { t, tokens } = useAdminApi();
type Page = { items: { id: string; configRevision: string; currentRevision: string; lagging: boolean; lagReason: string | null }[] };

describe('/api/admin/v1/gateways', () => {
  it('shows each instance with its revision and heartbeat, and flags the ones that lag', async () => {
    const { revision } = await t.db.configState.findUniqueOrThrow({ where: { id: 1 } });
    const old = new Date(Date.now() - 5 * 60_000);
    await t.db.configChange.create({ data: { revision: revision + 1n, entityType: 'full', createdAt: old } });
    await t.db.configState.update({ where: { id: 1 }, data: { revision: revision + 1n } });
    await t.db.gatewayInstance.createMany({
      data: [
        { id: 'gw-current', hostname: 'a', version: '1', configRevision: revision + 1n },
        { id: 'gw-behind', hostname: 'b', version: '1', configRevision: revision },
        { id: 'gw-silent', hostname: 'c', version: '1', configRevision: revision + 1n, lastSeenAt: old },
      ],
    });
    const { GET } = await import('./route');
    const page = await json<Page>(await call(GET, 'GET', '/api/admin/v1/gateways', { token: tokens.viewer }));
    expect(page.items.map((item) => [item.id, item.lagging, item.lagReason])).toEqual([
      ['gw-behind', true, 'stale_revision'],
      ['gw-current', false, null],
      ['gw-silent', true, 'no_heartbeat'],
    ]);
    expect(page.items[0]).toMatchObject({ configRevision: revision.toString(), currentRevision: (revision + 1n).toString() });
  });

  it('guards the route', async () => {
    await expectRouteGuards({ module: await import('./route'), path: '/api/admin/v1/gateways' }, tokens);
  });
});
