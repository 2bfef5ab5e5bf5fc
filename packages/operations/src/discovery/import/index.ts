export { importAccessFile, requireImportRole, UNKNOWN_FORMAT_DETAIL, type ImportOptions, type ImportSummary } from './import-access-file';
export type { FileFormat } from './read-access-file';
