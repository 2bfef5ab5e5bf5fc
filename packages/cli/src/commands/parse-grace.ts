import { TollgateError } from '@tollgate/errors';

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };
const MAX_SECONDS = 7 * 86_400;

/** A rotation grace such as `0`, `3600`, `3600s`, `90m`, `24h` or `7d`, in seconds (0 to 7 days). */
export function parseGrace(value: string): number {
  const match = /^(\d{1,7})([smhd]?)$/.exec(value.trim());
  const seconds = match ? Number(match[1]) * UNIT_SECONDS[match[2] || 's']! : Number.NaN;
  if (!Number.isFinite(seconds) || seconds > MAX_SECONDS) {
    throw new TollgateError('invalid_params', {
      detail: `--grace "${value}" must be a duration from 0 to 7d (e.g. 0, 3600s, 90m, 24h, 7d)`,
      invalidParams: [{ name: 'grace', reason: 'must be 0 to 7 days' }],
    });
  }
  return seconds;
}
