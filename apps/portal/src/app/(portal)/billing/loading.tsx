import { Skeleton } from '@tollgate/ui';

export default function BillingLoading() {
  return (
    <div className="grid gap-10" role="status" aria-live="polite">
      <span className="sr-only">Loading billing…</span>
      <div className="grid gap-2">
        <Skeleton className="h-8 w-40" />
        <Skeleton className="h-4 w-96 max-w-full" />
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <Skeleton className="h-56 rounded-xl" />
        <Skeleton className="h-56 rounded-xl" />
      </div>
      <Skeleton className="h-40 rounded-xl" />
    </div>
  );
}
