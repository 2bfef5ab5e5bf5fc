import Link from 'next/link';
import { Brand } from '@/components/brand';

export default function Forbidden() {
  return (
    <main className="grid min-h-screen place-items-center px-6">
      <div className="w-full max-w-md rounded-2xl border border-slate-200 bg-white p-8 text-center shadow-sm">
        <div className="flex justify-center">
          <Brand />
        </div>
        <p className="mt-6 text-sm font-semibold text-rose-600">403 · Forbidden</p>
        <h1 className="mt-2 text-xl font-semibold text-slate-900">The admin console is for admins</h1>
        <p className="mt-2 text-sm text-slate-600">Your account does not have the admin role. Ask an admin of this Tollgate to grant it.</p>
        <Link href="/" className="mt-6 inline-block rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700">
          Back to the developer portal
        </Link>
      </div>
    </main>
  );
}
