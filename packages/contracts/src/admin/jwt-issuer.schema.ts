import { z } from 'zod';
import { ZSlug } from '../config/config-file.schema';
import { ZJwtIssuer } from '../config/jwt.schema';
import { ZPageQuery } from './page.schema';

const issuer = ZJwtIssuer.shape;

/** One token client: tokens whose app claim equals `subject` act as app `app`. */
export const ZJwtIssuerClient = z.strictObject({
  subject: z.string().trim().min(1).max(500),
  app: ZSlug,
});
export type TJwtIssuerClient = z.infer<typeof ZJwtIssuerClient>;

const clients = z.array(ZJwtIssuerClient).max(1000).superRefine((list, ctx) => {
  const seen = new Set<string>();
  list.forEach((client, index) => {
    if (seen.has(client.subject)) ctx.addIssue({ code: 'custom', path: [index, 'subject'], message: `subject "${client.subject}" is listed twice` });
    seen.add(client.subject);
  });
});

const exactlyOneKey = (value: { jwksUrl?: string | null; publicKeyPem?: string | null }) => (value.jwksUrl == null) !== (value.publicKeyPem == null);
const KEY_SOURCE = { message: 'give exactly one of jwksUrl and publicKeyPem', path: ['jwksUrl'] };

/** A JWT issuer an API accepts, with the rules of the config file's `apis[].jwt` (asymmetric algorithms only). */
export const ZCreateJwtIssuerRequest = z
  .strictObject({ api: ZSlug, ...issuer, clients: clients.default([]) })
  .refine(exactlyOneKey, KEY_SOURCE);
export type TCreateJwtIssuerRequest = z.infer<typeof ZCreateJwtIssuerRequest>;

/** The fields given change; `jwksUrl: null` with a `publicKeyPem` switches key source; `clients` replaces the list. */
export const ZUpdateJwtIssuerRequest = z.strictObject({
  issuer: issuer.issuer.optional(),
  audience: issuer.audience.optional(),
  jwksUrl: issuer.jwksUrl.unwrap().nullable().optional(),
  publicKeyPem: issuer.publicKeyPem.unwrap().nullable().optional(),
  algorithms: issuer.algorithms.unwrap().optional(),
  appClaim: issuer.appClaim.unwrap().optional(),
  clockSkewSeconds: issuer.clockSkewSeconds.unwrap().optional(),
  clients: clients.optional(),
});
export type TUpdateJwtIssuerRequest = z.infer<typeof ZUpdateJwtIssuerRequest>;

export const ZListJwtIssuersQuery = ZPageQuery.extend({
  /** Only the issuers of this API. */
  api: ZSlug.optional(),
});

export const ZJwtIssuerResource = z.object({
  id: z.string(),
  api: z.string(),
  issuer: z.string(),
  audience: z.array(z.string()),
  jwksUrl: z.string().nullable(),
  publicKeyPem: z.string().nullable(),
  algorithms: z.array(z.string()),
  appClaim: z.string(),
  clockSkewSeconds: z.int(),
  clients: z.array(z.object({ subject: z.string(), app: z.string() })),
  createdAt: z.string(),
});
export type TJwtIssuerResource = z.infer<typeof ZJwtIssuerResource>;
