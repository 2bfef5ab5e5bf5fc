// Wall-clock time in an IANA time zone, converted both ways with Intl only.

export interface WallTime {
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
  if (!format) {
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

/** True when Intl knows the zone (e.g. "Europe/Berlin", "UTC"). */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

export function toWallTime(instant: Date, timeZone: string): WallTime {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const ms = instant.getTime();
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour!,
    minute: parts.minute!,
    second: parts.second!,
    millisecond: ((ms % 1000) + 1000) % 1000,
  };
}

function wallAsUtcMs(wall: WallTime): number {
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second, wall.millisecond);
}

/** Offset of the zone from UTC at an instant, in ms (Berlin in winter: +3_600_000). */
export function zoneOffsetMs(instant: Date, timeZone: string): number {
  return wallAsUtcMs(toWallTime(instant, timeZone)) - instant.getTime();
}

/**
 * The instant a wall-clock time happens in a zone. A time skipped by a DST jump
 * (02:30 on a spring-forward night) moves forward by the jump; a repeated time
 * (autumn) takes its first occurrence.
 */
export function fromWallTime(wall: WallTime, timeZone: string): Date {
  const asUtc = wallAsUtcMs(wall);
  const firstGuess = asUtc - zoneOffsetMs(new Date(asUtc), timeZone);
  const offset = zoneOffsetMs(new Date(firstGuess), timeZone);
  const candidate = asUtc - offset;
  // Earlier occurrence on an autumn night: try the offset an hour before.
  const earlierOffset = zoneOffsetMs(new Date(candidate - 3_600_000), timeZone);
  if (earlierOffset !== offset) {
    const earlier = asUtc - earlierOffset;
    if (wallAsUtcMs(toWallTime(new Date(earlier), timeZone)) === asUtc) return new Date(earlier);
  }
  if (wallAsUtcMs(toWallTime(new Date(candidate), timeZone)) === asUtc) return new Date(candidate);
  // Skipped wall time (spring forward): same wall reading with the offset from before the gap.
  return new Date(asUtc - zoneOffsetMs(new Date(candidate - 86_400_000), timeZone));
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
