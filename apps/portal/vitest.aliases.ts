import { fileURLToPath } from 'node:url';

// What Next.js resolves for the portal and vitest does not on its own: the `@/` path alias,
// and `server-only`, which throws outside React Server Components (route handlers and
// server modules are imported directly by their tests).
export const portalAliases = [
  { find: /^@\/(.*)$/, replacement: `${fileURLToPath(new URL('./src/', import.meta.url))}$1` },
  { find: /^server-only$/, replacement: fileURLToPath(new URL('../../node_modules/server-only/empty.js', import.meta.url)) },
];
