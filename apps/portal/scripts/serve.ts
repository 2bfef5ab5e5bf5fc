// Serves an existing production build of the portal (no build step): what test/support/portal.ts
// starts. `npm run start:portal` (scripts/start.ts) builds when needed and then does the same.
Object.assign(process.env, { NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' });
const { env } = await import('../src/env');
const { servePortal } = await import('./serve-portal');
await servePortal(env);
