// Seeds the demo: applies demo.yaml (users, APIs on the demo upstream, plans, the demo
// team and app) and makes sure the demo app has an API key.
import path from 'node:path';
import { applyConfig, type ApplyResult, type Db } from '@tollgate/db';
import { ensureDemoKey } from './ensure-demo-key';
import { DEMO_CONFIG_PATH, loadDemoConfig } from './load-demo-config';

export const DEMO_APP_SLUG = 'demo-app';

export interface SeedDemoOptions {
  db: Db;
  /** Where the demo upstream runs, when not at http://127.0.0.1:4010. */
  demoUpstreamUrl?: string;
  /** File that keeps the demo key between runs (e.g. .data/demo-key). */
  keyFile?: string;
}

export interface DemoLogin {
  email: string;
  password: string;
}

export interface SeedDemoResult {
  /** The demo app's API key. */
  key: string;
  /** False when the key from keyFile was still live and reused. */
  keyCreated: boolean;
  admin: DemoLogin;
  developer: DemoLogin;
  applied: ApplyResult;
}

export async function seedDemo(options: SeedDemoOptions): Promise<SeedDemoResult> {
  const config = await loadDemoConfig(options.demoUpstreamUrl);
  const applied = await applyConfig(options.db, config, { baseDir: path.dirname(DEMO_CONFIG_PATH) });
  const { key, created } = await ensureDemoKey(options.db, { appSlug: DEMO_APP_SLUG, keyFile: options.keyFile });
  const login = (role: 'admin' | 'developer'): DemoLogin => {
    const user = config.users.find((candidate) => candidate.role === role);
    if (!user) throw new Error(`demo.yaml has no ${role} user`);
    return { email: user.email, password: user.password };
  };
  return { key, keyCreated: created, admin: login('admin'), developer: login('developer'), applied };
}
