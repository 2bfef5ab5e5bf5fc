import { InvalidArgumentError } from 'commander';
import { z } from 'zod';

/** A calendar date (UTC midnight) or a date and time; both must exist (no 2027-02-30, no 25:00). */
const ZDateFlag = z.union([z.iso.date(), z.iso.datetime({ offset: true, local: true })]);

/**
 * Commander's parser for an ISO 8601 date flag: a day that does not exist is refused,
 * never rolled over into the next month as `new Date()` would. A refusal is a usage error.
 */
export function parseDateFlag(value: string): Date {
  if (!ZDateFlag.safeParse(value).success) {
    throw new InvalidArgumentError('not an ISO 8601 date that exists (e.g. 2027-01-31 or 2027-01-31T12:00:00Z).');
  }
  return new Date(value);
}
