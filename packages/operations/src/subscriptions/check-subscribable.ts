import { TollgateError } from '@tollgate/errors';

export interface SubscribableCheck {
  api: { slug: string; visibility: 'public' | 'private' | 'partner'; status: string };
  team: { slug: string; partner: boolean };
  /** Admins may subscribe an app to a private API; developers may not. */
  by: 'admin' | 'developer';
}

/**
 * Who may subscribe to what: `partner` APIs only for partner teams, `private` APIs only
 * through an admin, and never a retired API. Refusals name the `api` field.
 */
export function checkSubscribable({ api, team, by }: SubscribableCheck): void {
  const refuse = (reason: string) => new TollgateError('invalid_params', { detail: `API "${api.slug}" ${reason}.`, invalidParams: [{ name: 'api', reason }] });
  if (api.status === 'retired') throw refuse('is retired');
  if (api.visibility === 'partner' && !team.partner) throw refuse(`is for partners only and team "${team.slug}" is not a partner`);
  if (api.visibility === 'private' && by !== 'admin') throw refuse('is private: only an admin can subscribe an app to it');
}
