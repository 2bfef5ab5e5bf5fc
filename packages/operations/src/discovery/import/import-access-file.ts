import { stat } from 'node:fs/promises';
import type { Db } from '@tollgate/db';
import { PathTemplater } from '@tollgate/domain';
import { TollgateError } from '@tollgate/errors';
import { hasRole, type Principal } from '../../core/principal';
import type { OperationMeta } from '../../core/define-operation';
import { runOperation } from '../../core/run-operation';
import { loadCatalog } from '../load-catalog';
import { loadDecisions } from '../load-decisions';
import { recordDiscoveryImport } from '../record-discovery-import';
import { BadInput } from './access-record';
import { ImportTally } from './import-tally';
import { detectFileFormat, readAccessFile, type FileFormat } from './read-access-file';

export interface ImportSummary {
  /** The name the import was given (the path, or an uploaded file's name). */
  file: string;
  format: FileFormat;
  /** Requests read. */
  records: number;
  /** Lines or entries that could not be read, skipped. */
  badLines: number;
  /** Endpoints the requests fold into. */
  templates: number;
  /** Records of new templates past the template cap, not stored. */
  overflow: number;
  /** Endpoints stored (documented ones are not). */
  stored: number;
  newShadows: number;
}

export interface ImportOptions {
  /** The name recorded in the audit entry and the summary; the path by default. */
  name?: string;
  meta?: OperationMeta;
  /** Called with each chunk's size as the file is read. */
  onBytes?: (bytes: number) => void;
  /** Called with each line or entry that cannot be read. */
  onBadInput?: (message: string, count: number) => void;
}

/** 403 unless the principal may import (checked before a file is read or received). */
export function requireImportRole(principal: Principal): void {
  if (!hasRole(principal, recordDiscoveryImport.role)) throw new TollgateError('forbidden', { detail: `${recordDiscoveryImport.name} needs the ${recordDiscoveryImport.role} role.` });
}

export const UNKNOWN_FORMAT_DETAIL = 'expected an nginx/Apache combined log, an AWS ALB log, JSON lines or a HAR file';

/**
 * Reads an access log or HAR file as a stream (constant memory whatever its size),
 * templates every request against the catalog's own templates and the admins'
 * decisions, and stores the endpoints through the same classification as the gateway's
 * (`discovery.import`, admins only: the role is checked before the file is read).
 */
export async function importAccessFile(db: Db, principal: Principal, file: string, options: ImportOptions = {}): Promise<ImportSummary> {
  requireImportRole(principal);
  const name = options.name ?? file;
  await stat(file).catch(() => {
    throw new TollgateError('invalid_params', { detail: `cannot read ${name}`, invalidParams: [{ name: 'file', reason: 'no such file' }] });
  });
  const format = await detectFileFormat(file);
  if (format === null) {
    throw new TollgateError('invalid_params', { detail: `${name} is not a known access log: ${UNKNOWN_FORMAT_DETAIL}`, invalidParams: [{ name: 'file', reason: 'unknown format' }] });
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
  const now = Date.now();
  let badLines = 0;
  for await (const item of readAccessFile(file, format, options.onBytes ?? (() => {}))) {
    if (item instanceof BadInput) {
      badLines++;
      options.onBadInput?.(item.message, badLines);
      continue;
    }
    tally.add(item, now);
  }
  const result = await runOperation(db, principal, recordDiscoveryImport, { file: name.slice(0, 1024), observations: tally.observations() }, options.meta);
  return { file: name, format, records: tally.records, badLines, templates: tally.templates, overflow: tally.overflow, ...result };
}
