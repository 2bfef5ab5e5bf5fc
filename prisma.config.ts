// Prisma CLI settings. Only `prisma generate` uses the CLI here; migrations run through
// packages/db/src/migrate (the WebAssembly schema engine), see docs/offline-install.md.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
});
