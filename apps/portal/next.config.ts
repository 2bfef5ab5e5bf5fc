import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // Workspace packages are consumed from their TypeScript sources, never from a build output.
  // @prisma/client (and with it the WASM query compiler of the generated client) and pg stay
  // external: Next.js lists them in its built-in serverExternalPackages.
  transpilePackages: ['@tollgate/db', '@tollgate/domain', '@tollgate/errors', '@tollgate/contracts'],
  turbopack: {
    resolveAlias: {
      // The portal needs only the Prisma client from @tollgate/db. The package root also loads
      // code that locates files next to its sources with `new URL(…, import.meta.url)`, which a
      // bundler turns into build-time assets; the client entry alone bundles cleanly.
      '@tollgate/db': './../../packages/db/src/client/create-db.ts',
    },
  },
  experimental: {
    // forbidden() in the admin layout renders src/app/forbidden.tsx with status 403.
    authInterrupts: true,
  },
  // `npm run typecheck` (tsc) checks types; the build does not repeat it.
  typescript: { ignoreBuildErrors: true },
  poweredByHeader: false,
};

export default nextConfig;
