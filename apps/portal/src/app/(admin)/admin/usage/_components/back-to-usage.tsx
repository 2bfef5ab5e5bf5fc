import { ArrowLeft } from 'lucide-react';
import Link from 'next/link';

/** The way back to the overview, keeping the range. */
export function BackToUsage({ query }: { query: string }) {
  return (
    <Link href={`/admin/usage${query ? `?${query}` : ''}`} className="inline-flex w-fit items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
      <ArrowLeft className="size-4" aria-hidden="true" /> All usage
    </Link>
  );
}
