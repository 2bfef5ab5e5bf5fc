import type { PortalEnv } from '../src/env';
import { PORTAL_DIR } from './ensure-build';
import { createPortalServer } from './portal-server';

/** Serves the built portal on PORTAL_HOST:PORTAL_PORT until SIGINT or SIGTERM. */
export async function servePortal(env: PortalEnv): Promise<void> {
  const server = await createPortalServer(env, PORTAL_DIR);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(env.PORTAL_PORT, env.PORTAL_HOST, () => resolve());
  });
  console.log(`portal: listening on http://${env.PORTAL_HOST}:${env.PORTAL_PORT}`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      server.close(() => process.exit(0));
      server.closeIdleConnections();
      setTimeout(() => process.exit(0), 5_000).unref();
    });
  }
}
