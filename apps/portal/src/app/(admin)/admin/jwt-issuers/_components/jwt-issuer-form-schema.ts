import { JWT_ALGORITHMS, ZCreateJwtIssuerRequest, type TCreateJwtIssuerRequest, type TJwtIssuerResource } from '@tollgate/contracts';
import { z } from 'zod';

/** The form's fields: lists typed as text (audience comma-separated, one client per line). */
export const ZJwtIssuerForm = z
  .object({
    api: z.string(),
    issuer: z.string(),
    audience: z.string(),
    keySource: z.enum(['jwks', 'pem']),
    jwksUrl: z.string(),
    publicKeyPem: z.string(),
    algorithms: z.array(z.string()),
    appClaim: z.string(),
    clockSkewSeconds: z.number({ error: 'must be a number' }),
    clients: z.string(),
  })
  .transform((form, ctx) => {
    const clients = form.clients.split('\n').map((line) => line.trim()).filter(Boolean).map((line) => {
      const [subject = '', app = ''] = line.split(/\s*(?:->|=|\s)\s*/);
      return { subject, app };
    });
    const request = {
      api: form.api,
      issuer: form.issuer.trim(),
      audience: form.audience.split(',').map((value) => value.trim()).filter(Boolean),
      ...(form.keySource === 'jwks' ? { jwksUrl: form.jwksUrl.trim() } : { publicKeyPem: form.publicKeyPem.trim() }),
      algorithms: form.algorithms,
      appClaim: form.appClaim,
      clockSkewSeconds: form.clockSkewSeconds,
      clients,
    };
    // The contract's own rules, with each issue put on the form field that holds it.
    const parsed = ZCreateJwtIssuerRequest.safeParse(request);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: [formFieldOf(issue.path.map(String), form.keySource)] });
    return z.NEVER;
  });

export function formFieldOf(path: readonly string[], keySource: 'jwks' | 'pem' = 'jwks'): string {
  const [head = ''] = path;
  if (head === 'jwksUrl' || head === 'publicKeyPem') return keySource === 'pem' ? 'publicKeyPem' : 'jwksUrl';
  return head.replace(/\[\d+\].*$/, '');
}

export type JwtIssuerFormValues = z.input<typeof ZJwtIssuerForm>;
export const JWT_FORM_FIELDS = ['api', 'issuer', 'audience', 'jwksUrl', 'publicKeyPem', 'algorithms', 'appClaim', 'clockSkewSeconds', 'clients'];

export function formDefaults(issuer?: TJwtIssuerResource, api = ''): JwtIssuerFormValues {
  return {
    api: issuer?.api ?? api,
    issuer: issuer?.issuer ?? '',
    audience: issuer?.audience.join(', ') ?? '',
    keySource: issuer?.publicKeyPem ? 'pem' : 'jwks',
    jwksUrl: issuer?.jwksUrl ?? '',
    publicKeyPem: issuer?.publicKeyPem ?? '',
    algorithms: issuer?.algorithms ?? ['RS256', 'ES256'],
    appClaim: issuer?.appClaim ?? 'sub',
    clockSkewSeconds: issuer?.clockSkewSeconds ?? 30,
    clients: issuer?.clients.map((client) => `${client.subject} ${client.app}`).join('\n') ?? '',
  };
}

/** What an update sends: every field, the other key source cleared. */
export function toUpdate(request: TCreateJwtIssuerRequest) {
  const { api: _api, ...fields } = request;
  return { ...fields, jwksUrl: fields.jwksUrl ?? null, publicKeyPem: fields.publicKeyPem ?? null };
}

export const ALGORITHMS = JWT_ALGORITHMS;
