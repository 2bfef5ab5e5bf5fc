import { Skeleton } from '@tollgate/ui';

/** The shape of a console page while its data loads: a title, a row of cards and a block. */
export function PageSkeleton({ cards = 3, label = 'Loading' }: { cards?: number; label?: string }) {
  return (
    <div className="grid gap-8" role="status" aria-live="polite">
      <span className="sr-only">{label}…</span>
      <div className="grid gap-2">
        <Skeleton className="h-8 w-48" />
        <Skeleton className="h-4 w-80 max-w-full" />
      </div>
      {cards > 0 ? (
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {Array.from({ length: cards }, (_, index) => (
            <Skeleton key={index} className="h-28 rounded-xl" />
          ))}
        </div>
      ) : null}
      <Skeleton className="h-64 rounded-xl" />
    </div>
  );
}
