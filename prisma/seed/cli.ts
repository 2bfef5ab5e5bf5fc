// `tsx prisma/seed/cli.ts [--upstream URL] [--key-file FILE]`: applies the demo config to
// DATABASE_URL (or the local default) and prints the demo key and logins.
import { parseArgs } from 'node:util';
import { createDb, describeConnectionError, resolveDatabaseUrl } from '@tollgate/db';
import { seedDemo } from './seed';

const { values } = parseArgs({
  options: { upstream: { type: 'string' }, 'key-file': { type: 'string', default: '.data/demo-key' }, json: { type: 'boolean', default: false } },
});

const databaseUrl = resolveDatabaseUrl();
const db = createDb(databaseUrl, { max: 2 });
try {
  const result = await seedDemo({ db, demoUpstreamUrl: values.upstream, keyFile: values['key-file'] });
  if (values.json) {
    console.log(JSON.stringify({ key: result.key, keyCreated: result.keyCreated, admin: result.admin, developer: result.developer, changes: result.applied.changes.length }));
  } else {
    console.log(`demo seeded: ${result.applied.changes.length} change(s), config revision ${result.applied.revision}`);
    console.log(`  admin      ${result.admin.email} / ${result.admin.password}`);
    console.log(`  developer  ${result.developer.email} / ${result.developer.password}`);
    console.log(`  demo key   ${result.key}${result.keyCreated ? ' (new)' : ''}`);
  }
} catch (error) {
  console.error(`tollgate: seeding the demo failed: ${describeConnectionError(error, databaseUrl)}`);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
