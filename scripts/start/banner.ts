import type { StartEnv } from './env';

export interface BannerInput {
  env: StartEnv;
  databaseUrl: string;
  embedded: boolean;
  redis: boolean;
  key?: string;
  logins: { role: string; email: string; password: string }[];
}

/** What a newcomer needs after `npm start`: where things are and a curl that works. */
export function banner({ env, databaseUrl, embedded, redis, key, logins }: BannerInput): string {
  const host = env.PUBLIC_HOST;
  const gateway = `http://${host}:${env.GATEWAY_PORT}`;
  const lines = [
    '',
    'Tollgate is running.',
    '',
    `  Portal (console + developer portal)  http://${host}:${env.PORTAL_PORT}`,
    `  Admin console                        http://${host}:${env.PORTAL_PORT}/admin`,
    `  Gateway                              ${gateway}`,
    `  Gateway health / readiness / metrics http://${host}:${env.GATEWAY_ADMIN_PORT}/healthz  /readyz  /metrics`,
    `  Demo upstream                        http://${host}:${env.DEMO_UPSTREAM_PORT}`,
    `  Database                             ${embedded ? `embedded PostgreSQL (${env.TOLLGATE_DATA_DIR}/postgres)` : databaseUrl.replace(/:[^:@/]+@/, ':***@')}`,
    `  Rate limits                          ${redis ? 'shared through Redis' : 'in memory (REDIS_URL not set)'}`,
    '',
    '  Demo logins:',
    ...logins.map((login) => `    ${login.role.padEnd(10)} ${login.email} / ${login.password}`),
    '',
  ];
  if (key) {
    lines.push('  Call the demo API through the gateway:', `    curl -H "Authorization: Bearer ${key}" ${gateway}/weather/forecast/berlin`, '');
  } else {
    lines.push('  No demo key on file; create one:  npx tollgate keys create --app demo-app', '');
  }
  lines.push(`  Logs: ${env.TOLLGATE_DATA_DIR}/logs/   Stop: Ctrl-C`, '');
  return lines.join('\n');
}
