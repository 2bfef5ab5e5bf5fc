import Link from 'next/link';

export function Brand({ href = '/', suffix, dark = false }: { href?: string; suffix?: string; dark?: boolean }) {
  return (
    <Link href={href} className="flex items-center gap-2">
      <span className="grid size-7 place-items-center rounded-lg bg-primary text-sm font-bold text-primary-foreground">T</span>
      <span className={`text-base font-semibold tracking-tight ${dark ? 'text-white' : 'text-foreground'}`}>Tollgate</span>
      {suffix ? <span className={`hidden text-sm sm:inline ${dark ? 'text-slate-400' : 'text-muted-foreground'}`}>{suffix}</span> : null}
    </Link>
  );
}
