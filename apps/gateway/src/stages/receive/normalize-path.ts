// Checks the request target once, so later stages and the upstream all see the same
// path. Ambiguous spellings are refused rather than guessed at: encoded dots, slashes,
// backslashes, semicolons and percent signs, dot segments, empty segments, `;` path parameters,
// control characters and fragments. What remains has one canonical spelling
// (canonicalPath), which routing, base-path stripping and the upstream all use.

export const PATH_PROBLEMS = {
  [-1]: 'The request target must be an absolute path.',
  [-2]: 'The path contains an encoded character that could change its meaning (%2e, %2f, %5c, %3b, %25 or a control character).',
  [-3]: 'The path contains a dot segment (. or ..).',
  [-4]: 'The path contains an empty segment (//).',
  [-5]: 'The path contains a character that is not allowed here (\\, ; or #).',
  [-6]: 'The path contains a malformed percent-encoding.',
  [-7]: 'The path contains percent-encoded bytes that are not UTF-8.',
} as const;

export type PathProblem = keyof typeof PATH_PROBLEMS;

const SLASH = 47;
const DOT = 46;
const PERCENT = 37;
const QUESTION = 63;

function hexValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 65 && code <= 70) return code - 55;
  if (code >= 97 && code <= 102) return code - 87;
  return -1;
}

/**
 * Returns the index where the path ends (the `?` or the end of the target), or a
 * negative PathProblem. The caller slices; this allocates nothing.
 */
export function checkRequestTarget(target: string): number {
  const length = target.length;
  if (length === 0 || target.charCodeAt(0) !== SLASH) return -1;
  let segmentStart = 1;
  let i = 1;
  for (; i <= length; i++) {
    const code = i < length ? target.charCodeAt(i) : QUESTION;
    if (code === SLASH || code === QUESTION) {
      const segmentLength = i - segmentStart;
      if (segmentLength === 0 && code === SLASH) return -4;
      if (segmentLength === 1 && target.charCodeAt(segmentStart) === DOT) return -3;
      if (segmentLength === 2 && target.charCodeAt(segmentStart) === DOT && target.charCodeAt(segmentStart + 1) === DOT) return -3;
      if (code === QUESTION) return i;
      segmentStart = i + 1;
    } else if (code === PERCENT) {
      const high = i + 1 < length ? hexValue(target.charCodeAt(i + 1)) : -1;
      const low = i + 2 < length ? hexValue(target.charCodeAt(i + 2)) : -1;
      if (high < 0 || low < 0) return -6;
      const value = high * 16 + low;
      if (value === DOT || value === SLASH || value === 0x5c || value === 0x3b || value === PERCENT || value < 0x20 || value === 0x7f) return -2;
      i += 2;
    } else if (code === 0x5c || code === 0x3b || code === 0x23 || code < 0x20 || code === 0x7f) {
      return -5;
    }
  }
  return length;
}

/** Unreserved characters (RFC 3986 2.3) other than `.`, whose encoded form is refused above. */
function isUnreserved(value: number): boolean {
  return (
    (value >= 0x41 && value <= 0x5a) || (value >= 0x61 && value <= 0x7a) || (value >= 0x30 && value <= 0x39) || value === 0x2d || value === 0x5f || value === 0x7e
  );
}

const HEX = '0123456789ABCDEF';

/**
 * The one spelling of a path that checkRequestTarget accepted (RFC 3986 6.2.2): encoded
 * unreserved characters decoded (`/%65cho` is `/echo`), every other percent-encoding in
 * upper case (`%c3%a9` is `%C3%A9`); -7 when the encoded bytes are not UTF-8 (the router
 * could not read them as the route's parameters). Only paths holding a `%` need it.
 */
export function canonicalPath(path: string): string | -7 {
  try {
    decodeURIComponent(path);
  } catch {
    return -7;
  }
  let out = '';
  let copied = 0;
  for (let i = path.indexOf('%'); i !== -1; i = path.indexOf('%', i + 3)) {
    const value = hexValue(path.charCodeAt(i + 1)) * 16 + hexValue(path.charCodeAt(i + 2));
    out += path.slice(copied, i) + (isUnreserved(value) ? String.fromCharCode(value) : `%${HEX[value >> 4]}${HEX[value & 15]}`);
    copied = i + 3;
  }
  return copied === 0 ? path : out + path.slice(copied);
}
