import { TollgateError } from '@tollgate/errors';
import type { Tx } from '../core/define-operation';

/** Each scope names an API the app subscribes to (`weather`) or one of its routes (`weather:GET /forecast/{city}`). */
export async function checkKeyScopes(tx: Tx, appId: string, scopes: readonly string[]): Promise<void> {
  if (scopes.length === 0) return;
  const subscriptions = await tx.subscription.findMany({ where: { appId, status: { not: 'cancelled' } }, select: { apiId: true, api: { select: { slug: true } } } });
  for (const [index, scope] of scopes.entries()) {
    const colon = scope.indexOf(':');
    const apiSlug = colon === -1 ? scope : scope.slice(0, colon);
    const fail = (reason: string) => new TollgateError('invalid_params', { detail: `scopes[${index}] ${reason}.`, invalidParams: [{ name: `scopes[${index}]`, reason }] });
    const subscription = subscriptions.find((sub) => sub.api.slug === apiSlug);
    if (!subscription) throw fail(`the app has no subscription to API "${apiSlug}"`);
    if (colon === -1) continue;
    const route = await tx.route.findFirst({ where: { apiId: subscription.apiId, key: scope.slice(colon + 1) }, select: { id: true } });
    if (!route) throw fail(`API "${apiSlug}" has no route "${scope.slice(colon + 1)}" (write it as "METHODS /path")`);
  }
}
