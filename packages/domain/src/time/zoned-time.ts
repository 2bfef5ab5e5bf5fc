// Wall-clock maths in an IANA time zone with nothing but Intl: offsets are read from
// the platform's tz database, so DST rules stay as current as Node's ICU data.

export interface LocalTime {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** True when `timeZone` is an IANA zone this runtime knows. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock time in `timeZone` at the instant `utcMs`. */
export function toLocalTime(utcMs: number, timeZone: string): LocalTime {
  const parts = formatter(timeZone).formatToParts(new Date(utcMs));
  const value = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((part) => part.type === type)?.value);
  return {
    year: value('year'),
    month: value('month'),
    day: value('day'),
    hour: value('hour'),
    minute: value('minute'),
    second: value('second'),
    millisecond: ((utcMs % 1000) + 1000) % 1000,
  };
}

function asUtc(local: LocalTime): number {
  return Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second, local.millisecond);
}

/** Offset of `timeZone` from UTC at the instant `utcMs`, in milliseconds. */
export function zoneOffsetMs(utcMs: number, timeZone: string): number {
  return asUtc(toLocalTime(utcMs, timeZone)) - utcMs;
}

const DAY_MS = 86_400_000;

/**
 * The instant a wall-clock time happens in `timeZone`. A time that happens twice (clocks
 * turned back) resolves to the earlier instant; a time that never happens (clocks
 * turned forward) resolves to the instant the same distance past the jump, e.g. 02:30
 * on a spring-forward night is 03:30.
 */
export function fromLocalTime(local: LocalTime, timeZone: string): number {
  const naive = asUtc(local);
  const before = naive - zoneOffsetMs(naive - DAY_MS, timeZone);
  const after = naive - zoneOffsetMs(naive + DAY_MS, timeZone);
  const exact = [before, after].filter((utc) => asUtc(toLocalTime(utc, timeZone)) === naive);
  return exact.length > 0 ? Math.min(...exact) : before;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
