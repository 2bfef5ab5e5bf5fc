import { z } from 'zod';
import { ZApp, ZSlug } from '../config/config-file.schema';
import { ZKeyResource } from '../admin/key.schema';
import { ZSubscriptionStatus } from '../admin/subscription.schema';

// Requests of the developer portal's apps, subscriptions and keys: the forms and the
// operations validate with these same schemas. Every record is named within the caller's teams.

/** The longest an old key keeps working after it was rolled (days). */
export const MAX_KEY_ROLL_GRACE_DAYS = 7;

export const ZTeamAppParams = z.strictObject({ app: ZSlug });
export type TTeamAppParams = z.infer<typeof ZTeamAppParams>;

export const ZCreateTeamAppRequest = z.strictObject({
  /** The slug of one of the caller's teams. */
  team: ZSlug,
  name: ZApp.shape.name,
  /** Unique across all teams: it names the app in URLs, usage and logs. */
  slug: ZSlug,
  description: z.string().max(5000).default(''),
});
export type TCreateTeamAppRequest = z.infer<typeof ZCreateTeamAppRequest>;

export const ZRenameTeamAppRequest = z.strictObject({
  app: ZSlug,
  name: ZApp.shape.name,
  description: z.string().max(5000).optional(),
});
export type TRenameTeamAppRequest = z.infer<typeof ZRenameTeamAppRequest>;

export const ZSubscribeTeamAppRequest = z.strictObject({ app: ZSlug, api: ZSlug, plan: ZSlug });
export type TSubscribeTeamAppRequest = z.infer<typeof ZSubscribeTeamAppRequest>;

/** A subscription, key or notification by id; an id of another team's record is a 404. */
export const ZTeamRecordId = z.strictObject({ id: z.string().min(1).max(100) });

/** What a new key may call: the whole app (every subscribed API), one API, or one route of one. */
export const ZKeyScopeKind = z.enum(['app', 'api', 'route']);
export type TKeyScopeKind = z.infer<typeof ZKeyScopeKind>;

export const ZCreateTeamKeyRequest = z
  .strictObject({
    app: ZSlug,
    name: z.string().trim().min(1, 'give the key a name').max(200),
    environment: z.enum(['live', 'test']).default('live'),
    scope: ZKeyScopeKind.default('app'),
    /** The API's slug when scope is `api`. */
    api: z.string().max(63).default(''),
    /** The route as `api:METHOD /path` when scope is `route`. */
    route: z.string().max(300).default(''),
    /** A date (the key stops at the end of that day, UTC) or an instant; empty means it never expires. */
    expiresAt: z.union([z.literal(''), z.iso.date(), z.iso.datetime({ offset: true })]).default(''),
  })
  .superRefine((value, ctx) => {
    if (value.scope === 'api' && !value.api) ctx.addIssue({ code: 'custom', path: ['api'], message: 'choose an API' });
    if (value.scope === 'route' && !value.route) ctx.addIssue({ code: 'custom', path: ['route'], message: 'choose a route' });
  });
export type TCreateTeamKeyRequest = z.infer<typeof ZCreateTeamKeyRequest>;

export const ZRollTeamKeyRequest = z.strictObject({
  id: z.string().min(1).max(100),
  /** How long the old key keeps working, in whole days. */
  graceDays: z.coerce
    .number({ error: 'must be a number of days' })
    .int('must be whole days')
    .min(0, 'must be 0 or more')
    .max(MAX_KEY_ROLL_GRACE_DAYS, `must be at most ${MAX_KEY_ROLL_GRACE_DAYS} days`),
});
export type TRollTeamKeyRequest = z.infer<typeof ZRollTeamKeyRequest>;

/** Marks one notification read, or all of the caller's when no id is given. */
export const ZMarkNotificationsReadRequest = z.strictObject({ id: z.string().min(1).max(100).optional() });

export const ZTeamKey = ZKeyResource.omit({ excludedFromAnalytics: true }).extend({ rotatedFromId: z.string().nullable() });
export type TTeamKey = z.infer<typeof ZTeamKey>;

/** A key answered this once, with its secret. */
export const ZCreatedTeamKey = ZTeamKey.extend({ key: z.string() });
export type TCreatedTeamKey = z.infer<typeof ZCreatedTeamKey>;

/** A rolled key: the new one (with its secret, this once) and when the old one stops. */
export const ZRolledTeamKey = z.object({ key: ZCreatedTeamKey, oldKeyExpiresAt: z.string() });
export type TRolledTeamKey = z.infer<typeof ZRolledTeamKey>;

export const ZTeamAppSummary = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  team: z.object({ slug: z.string(), name: z.string() }),
  /** Subscriptions that are not cancelled. */
  subscriptions: z.int(),
  activeKeys: z.int(),
  createdAt: z.string(),
});
export type TTeamAppSummary = z.infer<typeof ZTeamAppSummary>;

export const ZMemberTeam = z.object({ slug: z.string(), name: z.string(), role: z.enum(['owner', 'member']), partner: z.boolean() });
export type TMemberTeam = z.infer<typeof ZMemberTeam>;

export const ZTeamSubscription = z.object({
  id: z.string(),
  api: z.object({ slug: z.string(), name: z.string() }),
  plan: z.object({ slug: z.string(), name: z.string() }),
  status: ZSubscriptionStatus,
  statusReason: z.string().nullable(),
  createdAt: z.string(),
});
export type TTeamSubscription = z.infer<typeof ZTeamSubscription>;

export const ZTeamAppDetail = z.object({
  app: ZTeamAppSummary,
  /** The caller's role in the app's team: only an owner may delete the app. */
  role: z.enum(['owner', 'member']),
  subscriptions: z.array(ZTeamSubscription),
  keys: z.array(ZTeamKey),
  /** Routes of the APIs the app subscribes to, as key scopes (`api:METHOD /path`). */
  routeScopes: z.array(z.object({ api: z.string(), scope: z.string() })),
});
export type TTeamAppDetail = z.infer<typeof ZTeamAppDetail>;

export const ZSubscribableApi = z.object({
  slug: z.string(),
  name: z.string(),
  plans: z.array(z.object({ slug: z.string(), name: z.string(), approvalRequired: z.boolean() })),
});
export type TSubscribableApi = z.infer<typeof ZSubscribableApi>;

export const ZTeamNotification = z.object({
  id: z.string(),
  team: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  href: z.string().nullable(),
  read: z.boolean(),
  createdAt: z.string(),
});
export type TTeamNotification = z.infer<typeof ZTeamNotification>;
