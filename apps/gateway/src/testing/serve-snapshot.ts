// Serves a hand-built snapshot through the real server and pipeline, without PostgreSQL.
import type { GatewaySnapshot } from '@tollgate/db';
import { compileSnapshot } from '../config/compile-snapshot';
import { ConfigStore } from '../config/config-store';
import { listen, localUrl } from '../listen';
import { createGatewayServer } from '../server';
import { testServices } from './snapshot-fixture';

export async function serveSnapshot(snapshot: GatewaySnapshot): Promise<{ url: string; close(): Promise<void> }> {
  const services = testServices();
  const store = new ConfigStore();
  store.swap(compileSnapshot(snapshot, 'database', services));
  const server = createGatewayServer({ store, log: services.log, env: services.env });
  const address = await listen(server, 0, '127.0.0.1', 'GATEWAY_PORT');
  return {
    url: localUrl(address),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await services.pools.close(1_000);
    },
  };
}
