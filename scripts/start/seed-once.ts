import type { Db } from '@tollgate/db';
import { ensureDemoKey } from '../../prisma/seed/ensure-demo-key';
import { loadDemoConfig } from '../../prisma/seed/load-demo-config';
import { DEMO_APP_SLUG, seedDemo, type DemoLogin } from '../../prisma/seed/seed';

export interface DemoAccess {
  key?: string;
  admin: DemoLogin;
  developer: DemoLogin;
}

/**
 * Seeds the demo into an empty database; a database that has users already is left as
 * its admins made it, and only the demo key is looked up (or made, while the demo app exists).
 */
export async function seedOnce(db: Db, options: { demoUpstreamUrl: string; keyFile: string }): Promise<DemoAccess> {
  if ((await db.user.count()) === 0) {
    console.log('tollgate: seeding the demo…');
    return seedDemo({ db, ...options });
  }
  const config = await loadDemoConfig(options.demoUpstreamUrl);
  const login = (role: 'admin' | 'developer'): DemoLogin => {
    const user = config.users.find((candidate) => candidate.role === role)!;
    return { email: user.email, password: user.password };
  };
  const demoApp = await db.app.findUnique({ where: { slug: DEMO_APP_SLUG } });
  const key = demoApp ? (await ensureDemoKey(db, { appSlug: DEMO_APP_SLUG, keyFile: options.keyFile })).key : undefined;
  return { key, admin: login('admin'), developer: login('developer') };
}
