import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // Workspace packages are consumed from their TypeScript sources, never from a build output.
  // @prisma/client (and with it the WASM query compiler of the generated client) and pg stay
  // external: Next.js lists them in its built-in serverExternalPackages.
  transpilePackages: ['@tollgate/db', '@tollgate/domain', '@tollgate/errors', '@tollgate/contracts', '@tollgate/ui', '@tollgate/operations', '@tollgate/mail'],
  experimental: {
    // forbidden() in the admin layout renders src/app/forbidden.tsx with status 403.
    authInterrupts: true,
  },
  // `npm run typecheck` (tsc) checks types; the build does not repeat it.
  typescript: { ignoreBuildErrors: true },
  poweredByHeader: false,
};

export default nextConfig;
