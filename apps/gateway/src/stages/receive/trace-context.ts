import { randomFillSync } from 'node:crypto';

// W3C Trace Context (https://www.w3.org/TR/trace-context/): version-traceid-parentid-flags.
const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-|$)/;
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
 * and gets a new parent (span) id: the gateway's hop. Anything else starts a new trace
 * (sampled flag set). Returns `valid` so tracestate is passed only beside a valid parent.
 */
export function nextTraceparent(incoming: string | undefined): { traceparent: string; valid: boolean } {
  const match = incoming === undefined ? null : TRACEPARENT.exec(incoming);
  if (match !== null && isValid(match, incoming!)) {
    // Versions above 00 may append fields; we speak version 00 to the next hop.
    return { traceparent: `00-${match[2]}-${randomHex(8)}-${match[4]}`, valid: true };
  }
  return { traceparent: `00-${randomHex(16)}-${randomHex(8)}-01`, valid: false };
}

function isValid(match: RegExpExecArray, value: string): boolean {
  const version = match[1]!;
  if (version === 'ff') return false;
  if (version === '00' && value.length !== 55) return false;
  return match[2] !== ZERO_TRACE && match[3] !== ZERO_SPAN;
}
