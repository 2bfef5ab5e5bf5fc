import { randomFillSync } from 'node:crypto';

// W3C Trace Context (https://www.w3.org/TR/trace-context/): version-traceid-parentid-flags.
const DASH = 45;
const ZERO_TRACE = '0'.repeat(32);
const ZERO_SPAN = '0'.repeat(16);

const pool = Buffer.allocUnsafe(4096);
let poolOffset = pool.length;

/** Random lower-case hex, `bytes` long, cut from a pre-filled buffer (one syscall per 4 KiB). */
export function randomHex(bytes: number): string {
  if (poolOffset + bytes > pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const hex = pool.toString('hex', poolOffset, poolOffset + bytes);
  poolOffset += bytes;
  return hex;
}

/**
 * The traceparent to send upstream. A valid incoming one keeps its trace id and flags
 * and gets a new parent (span) id: the gateway's hop. Anything else starts a new trace,
 * not sampled: this path runs only when tracing is off, so the gateway records nothing of
 * it and does not claim otherwise (with tracing on, start-trace's sampler decides).
 * Returns `valid` so tracestate is passed only beside a valid parent.
 * Checked by hand rather than with a regular expression: this runs on every request.
 */
export function nextTraceparent(incoming: string | undefined): { traceparent: string; valid: boolean } {
  if (incoming !== undefined && isValid(incoming)) {
    // Versions above 00 may append fields; we speak version 00 to the next hop.
    return { traceparent: `00-${incoming.slice(3, 35)}-${randomHex(8)}-${incoming.slice(53, 55)}`, valid: true };
  }
  const ids = randomHex(24);
  return { traceparent: `00-${ids.slice(0, 32)}-${ids.slice(32)}-00`, valid: false };
}

// version(2) - trace-id(32) - parent-id(16) - flags(2) [ - future fields ]
function isValid(value: string): boolean {
  const length = value.length;
  if (length < 55 || value.charCodeAt(2) !== DASH || value.charCodeAt(35) !== DASH || value.charCodeAt(52) !== DASH) return false;
  if (!isLowerHex(value, 0, 2) || !isLowerHex(value, 3, 35) || !isLowerHex(value, 36, 52) || !isLowerHex(value, 53, 55)) return false;
  const version = value.slice(0, 2);
  if (version === 'ff' || (version === '00' && length !== 55) || (length > 55 && value.charCodeAt(55) !== DASH)) return false;
  return !value.startsWith(ZERO_TRACE, 3) && !value.startsWith(ZERO_SPAN, 36);
}

function isLowerHex(value: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const code = value.charCodeAt(i);
    if (!((code >= 48 && code <= 57) || (code >= 97 && code <= 102))) return false;
  }
  return true;
}
