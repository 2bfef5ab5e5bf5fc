import { stat } from 'node:fs/promises';
import type { Db } from '@tollgate/db';
import { CLI_PRINCIPAL, importAccessFile as importFile, type ImportSummary } from '@tollgate/operations';
import { ProgressBar } from './progress-bar';

/** Bad lines printed one each; past this many only their count is given. */
const MAX_PRINTED_BAD = 100;

/** `tollgate discover import FILE`: the shared import with a progress bar on stderr and the bad lines printed. */
export async function importAccessFile(db: Db, file: string, report: (line: string) => void): Promise<ImportSummary> {
  const size = await stat(file).then((info) => info.size, () => 0);
  const progress = new ProgressBar(size);
  try {
    const summary = await importFile(db, CLI_PRINCIPAL, file, {
      onBytes: (bytes) => progress.add(bytes),
      onBadInput: (message, count) => {
        if (count <= MAX_PRINTED_BAD) progress.note(`${file}: ${message}`);
      },
    });
    if (summary.badLines > MAX_PRINTED_BAD) report(`${file}: ${summary.badLines - MAX_PRINTED_BAD} more bad lines not shown`);
    return summary;
  } finally {
    progress.done();
  }
}
