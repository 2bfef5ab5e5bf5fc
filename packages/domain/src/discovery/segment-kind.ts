// What a single path segment looks like, read on its own. Values that are plainly data
// (ids, hashes, dates, emails) fold into a parameter at once; everything else waits for
// enough distinct values at the same position (see PathTemplater).

/** The parameter name each kind of value folds into. */
export type SegmentKind = 'id' | 'date' | 'email';

const NUMERIC = /^\d+$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/i;
/** A hash or token in hex, any case; 16 characters at least so words like "cafe" or "deadbeef" stay words. */
const HEX = /^[0-9a-f]{16,}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const EMAIL = /^[^@\s/]+@[^@\s/]+\.[^@\s/]+$/;
/** Six characters or more of letters, digits, `_` and `-`, holding both letters and digits. */
const ID_LIKE = /^(?=[^0-9]*[0-9])(?=[^A-Za-z]*[A-Za-z])[A-Za-z0-9_-]{6,}$/;
/** A word with a short number on one side (`oauth2`, `sha256`, `base64`, `3dsecure`, `page-12`) is a name, not an id. */
const WORD_WITH_NUMBER = /^(?:[A-Za-z]+[-_]?\d{1,4}|\d{1,2}[A-Za-z]+)$/;
/** API versions stay literal: `v2`, `v1.1`, `V3beta`. */
const VERSION = /^v\d+(?:\.\d+)*(?:alpha|beta|rc)?\d*$/i;
/** A file name: a base and an extension of letters (`report-2024.pdf`, `logo.png`). */
const FILE_NAME = /^[^.]+\.[A-Za-z][A-Za-z0-9]{0,7}$/;

/** The kind of value a segment holds when it is data by its look alone, else null. */
export function segmentKind(segment: string): SegmentKind | null {
  if (segment === '' || VERSION.test(segment)) return null;
  if (NUMERIC.test(segment) || UUID.test(segment)) return 'id';
  if (DATE.test(segment)) return 'date';
  if (EMAIL.test(segment)) return 'email';
  if (FILE_NAME.test(segment)) return null;
  if (ULID.test(segment) && /\d/.test(segment)) return 'id';
  if (HEX.test(segment)) return 'id';
  if (ID_LIKE.test(segment) && !WORD_WITH_NUMBER.test(segment)) return 'id';
  return null;
}

/** Name of a parameter folded by the threshold: `file` for file names, else `name`. */
export function foldedName(segment: string): string {
  return FILE_NAME.test(segment) ? 'file' : 'name';
}

const PARAM = /^\{[A-Za-z_][A-Za-z0-9_]*\}$/;

export function isParamSegment(segment: string): boolean {
  return PARAM.test(segment);
}
