import { stat } from 'node:fs/promises';
import type { Db } from '@tollgate/db';
import { PathTemplater } from '@tollgate/domain';
import { TollgateError } from '@tollgate/errors';
import { CLI_PRINCIPAL, loadCatalog, loadDecisions, recordDiscoveryImport, runOperation } from '@tollgate/operations';
import { BadInput } from './access-record';
import { ImportTally } from './import-tally';
import { ProgressBar } from './progress-bar';
import { detectFileFormat, readAccessFile, type FileFormat } from './read-access-file';

export interface ImportSummary {
  file: string;
  format: FileFormat;
  records: number;
  badLines: number;
  templates: number;
  /** Records of new templates past the template cap, not stored. */
  overflow: number;
  stored: number;
  newShadows: number;
}

/** Bad lines printed one each; past this many only their count is given. */
const MAX_PRINTED_BAD = 100;

/**
 * Reads an access log or HAR file as a stream (constant memory whatever its size),
 * templates every request against the catalog's own templates and the admins'
 * decisions, and stores the endpoints through the same classification as the gateway's.
 */
export async function importAccessFile(db: Db, file: string, report: (line: string) => void): Promise<ImportSummary> {
  const size = await stat(file).then((info) => info.size, () => {
    throw new TollgateError('invalid_params', { detail: `cannot read ${file}`, invalidParams: [{ name: 'file', reason: 'no such file' }] });
  });
  const format = await detectFileFormat(file);
  if (format === null) {
    throw new TollgateError('invalid_params', {
      detail: `${file} is not a known access log: expected an nginx/Apache combined log, an AWS ALB log, JSON lines or a HAR file`,
      invalidParams: [{ name: 'file', reason: 'unknown format' }],
    });
  }
  const known = (await loadCatalog(db)).flatMap((api) => api.documented.map((operation) => operation.template));
  const decisions = await loadDecisions(db);
  const templaters = new Map<string, PathTemplater>();
  const templaterFor = (host: string) => {
    let templater = templaters.get(host);
    if (templater === undefined) templaters.set(host, (templater = new PathTemplater({ known, decisions: decisions.forHost(host).templaterDecisions })));
    return templater;
  };
  const tally = new ImportTally(templaterFor);
  const progress = new ProgressBar(size);
  const now = Date.now();
  let badLines = 0;
  for await (const item of readAccessFile(file, format, (bytes) => progress.add(bytes))) {
    if (item instanceof BadInput) {
      badLines++;
      if (badLines <= MAX_PRINTED_BAD) progress.note(`${file}: ${item.message}`);
      continue;
    }
    tally.add(item, now);
  }
  progress.done();
  if (badLines > MAX_PRINTED_BAD) report(`${file}: ${badLines - MAX_PRINTED_BAD} more bad lines not shown`);
  const result = await runOperation(db, CLI_PRINCIPAL, recordDiscoveryImport, { file, observations: tally.observations() });
  return { file, format, records: tally.records, badLines, templates: tally.templates, overflow: tally.overflow, ...result };
}
