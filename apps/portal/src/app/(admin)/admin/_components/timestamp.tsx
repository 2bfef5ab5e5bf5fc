import { formatAge, formatInstant } from './format-age';

/** An instant shown as its age, with the exact time in the markup and on hover. */
export function Timestamp({ iso, now, absolute = false }: { iso: string; now?: number; absolute?: boolean }) {
  return (
    <time dateTime={iso} title={formatInstant(iso)} className="tabular-nums">
      {absolute ? formatInstant(iso) : formatAge(iso, now)}
    </time>
  );
}
