import { Command } from 'commander';
import { registerAdminTokens } from './commands/admin-tokens';
import { registerApply } from './commands/apply';
import { registerDiscover } from './commands/discover';
import { registerKeys } from './commands/keys';
import { registerQuota } from './commands/quota';
import { registerStatements } from './commands/statements';
import { registerUsage } from './commands/usage';
import { registerWebhooks } from './commands/webhooks';

const program = new Command()
  .name('tollgate')
  .description('Tollgate command line: config, keys, usage and discovery. Talks to the admin API when TOLLGATE_URL and TOLLGATE_TOKEN are set, else to DATABASE_URL.')
  .showHelpAfterError('(run with --help for usage)')
  .configureOutput({ outputError: (text, write) => write(`tollgate: ${text.replace(/^error: /, '')}`) });

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
