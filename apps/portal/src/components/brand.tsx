import Link from 'next/link';

export function Brand({ href = '/', suffix, dark = false }: { href?: string; suffix?: string; dark?: boolean }) {
  return (
    <Link href={href} className="flex items-center gap-2">
      <span className="grid size-7 place-items-center rounded-lg bg-indigo-600 text-sm font-bold text-white">T</span>
      <span className={`text-base font-semibold tracking-tight ${dark ? 'text-white' : 'text-slate-900'}`}>Tollgate</span>
      {suffix ? <span className={`text-sm ${dark ? 'text-slate-400' : 'text-slate-500'}`}>{suffix}</span> : null}
    </Link>
  );
}
