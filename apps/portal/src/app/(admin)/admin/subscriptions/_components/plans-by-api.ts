import 'server-only';
import { listPlans } from '@tollgate/operations';
import { readAsAdmin } from '@/lib/auth/admin-principal';

/** Plan slugs covering each API (the first 100 plans), for the "move to another plan" choice. */
export async function plansByApi(returnTo: string): Promise<Record<string, string[]>> {
  const plans = await readAsAdmin(listPlans, { limit: 100 }, returnTo);
  const byApi: Record<string, string[]> = {};
  for (const plan of plans.items) for (const api of plan.apis) (byApi[api] ??= []).push(plan.slug);
  return byApi;
}
