import { createRequire } from 'node:module';
import { Command, type CommanderError } from 'commander';
import { TollgateError, toProblem } from '@tollgate/errors';
import { registerAdminTokens } from './commands/admin-tokens';
import { registerApply } from './commands/apply';
import { registerDiscover } from './commands/discover';
import { registerKeys } from './commands/keys';
import { registerQuota } from './commands/quota';
import { registerStatements } from './commands/statements';
import { registerUsage } from './commands/usage';
import { registerWebhooks } from './commands/webhooks';
import { printProblem } from './output';

const { version } = createRequire(import.meta.url)('../package.json') as { version: string };
/** Exit status of a command line that could not be understood (as sysexits' EX_USAGE is to BSD, 2 is to GNU tools). */
const USAGE_ERROR = 2;
const json = process.argv.includes('--json');

const program = new Command()
  .name('tollgate')
  .description('Tollgate command line: config, keys, usage and discovery. Talks to the admin API when TOLLGATE_URL and TOLLGATE_TOKEN are set, else to DATABASE_URL.')
  .version(version, '-V, --version', 'print the version')
  .showHelpAfterError(!json && '(run with --help for usage)')
  // With --json a usage error is problem+json (written by the exit override below), not text.
  .configureOutput({ outputError: (text, write) => (json ? undefined : write(`tollgate: ${text.replace(/^error: /, '')}`)) })
  // Usage errors (unknown command or option, missing or invalid argument) exit 2; --help and --version 0.
  .exitOverride((error: CommanderError) => {
    if (error.exitCode === 0) process.exit(0);
    if (json) printProblem(toProblem(new TollgateError('bad_request', { detail: error.message.replace(/^error: /, '') })));
    process.exit(USAGE_ERROR);
  });

registerApply(program);
registerKeys(program);
registerQuota(program);
registerUsage(program);
registerDiscover(program);
registerStatements(program);
registerWebhooks(program);
registerAdminTokens(program);

await program.parseAsync(process.argv);
// Pools and timers of the clients used may outlive the command; it is done.
process.exit();
