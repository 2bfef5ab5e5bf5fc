import Link from 'next/link';

export function StatCard({ label, value, detail, href }: { label: string; value: number; detail?: string; href: string }) {
  return (
    <Link href={href} className="group rounded-xl border border-slate-200 bg-white p-5 shadow-sm transition hover:border-indigo-300 hover:shadow">
      <dl>
        <dt className="text-sm font-medium text-slate-500 group-hover:text-indigo-600">{label}</dt>
        <dd className="mt-2 text-3xl font-semibold tabular-nums text-slate-900" data-stat={label}>
          {value}
        </dd>
        {detail ? <dd className="mt-1 text-xs text-slate-500">{detail}</dd> : null}
      </dl>
    </Link>
  );
}
