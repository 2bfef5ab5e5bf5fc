import type { ReactNode } from 'react';

/** A clearly marked panel for what a page will do next. */
export function ComingSoon({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="rounded-xl border border-dashed border-slate-300 bg-white/60 p-6">
      <div className="flex items-center gap-2">
        <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-800">Coming next</span>
        <h2 className="text-sm font-semibold text-slate-900">{title}</h2>
      </div>
      <div className="mt-2 text-sm text-slate-600">{children}</div>
    </section>
  );
}
