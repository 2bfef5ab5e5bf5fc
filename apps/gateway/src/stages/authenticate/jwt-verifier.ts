import { createPublicKey, type KeyObject } from 'node:crypto';
import type { SnapshotJwtIssuer } from '@tollgate/db';
import { decodeJwt, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { GatewayServices } from '../../pipeline/types';
import { jwtFailure } from './jwt-failure';
import { remoteKeySet } from './jwks-registry';

/** Algorithms a public key can verify. `none` and HS* never reach jose. */
const ASYMMETRIC = new Set(['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA']);
const MAX_TOKEN_LENGTH = 16_384;

interface CompiledIssuer {
  readonly issuer: string;
  readonly audience: string[];
  readonly algorithms: string[];
  readonly clockTolerance: number;
  readonly appClaim: string;
  readonly key: KeyObject | JWTVerifyGetKey;
  /** Value of the app claim -> app id. */
  readonly clients: ReadonlyMap<string, string>;
}

export interface VerifiedToken {
  readonly issuer: string;
  readonly subject: string;
  /** The app this client acts as; undefined when the client is not registered. */
  readonly appId: string | undefined;
}

/** The JWT issuers of one API, compiled once per snapshot. */
export class JwtVerifier {
  private constructor(private readonly issuers: ReadonlyMap<string, CompiledIssuer>) {}

  /** Null when the API has no usable issuer; problems go to `warn`. */
  static compile(apiSlug: string, sources: readonly SnapshotJwtIssuer[], services: GatewayServices, warn: (message: string) => void): JwtVerifier | null {
    const issuers = new Map<string, CompiledIssuer>();
    for (const source of sources) {
      const at = `api ${apiSlug} jwt issuer ${source.issuer}`;
      const algorithms = source.algorithms.filter((alg) => ASYMMETRIC.has(alg));
      if (algorithms.length < source.algorithms.length) warn(`${at}: algorithms other than ${[...ASYMMETRIC].join('/')} are ignored`);
      const key = resolveKey(source, services);
      if (typeof key === 'string') {
        warn(`${at}: ${key}; its tokens are refused`);
        continue;
      }
      if (algorithms.length === 0 || source.audience.length === 0) {
        warn(`${at}: needs at least one algorithm and one audience; its tokens are refused`);
        continue;
      }
      issuers.set(source.issuer, {
        issuer: source.issuer,
        audience: source.audience,
        algorithms,
        clockTolerance: source.clockSkewSeconds,
        appClaim: source.appClaim,
        key,
        clients: new Map(source.clients.map((client) => [client.subject, client.appId])),
      });
    }
    return issuers.size > 0 ? new JwtVerifier(issuers) : null;
  }

  /**
   * Checks signature, algorithm, `iss`, `aud`, `exp` (required) and `nbf` with the
   * issuer's clock skew; throws a TollgateError that says which check failed.
   */
  async verify(token: string): Promise<VerifiedToken> {
    if (token.length > MAX_TOKEN_LENGTH) throw jwtFailure('malformed', 'The token is too long.');
    let unverified: JWTPayload;
    try {
      unverified = decodeJwt(token);
    } catch {
      throw jwtFailure('malformed', 'The bearer token is neither a Tollgate key nor a JWT.');
    }
    const issuer = typeof unverified.iss === 'string' ? this.issuers.get(unverified.iss) : undefined;
    if (issuer === undefined) throw jwtFailure('issuer', 'The token issuer is not accepted by this API.');
    let payload: JWTPayload;
    try {
      const options = { issuer: issuer.issuer, audience: issuer.audience, algorithms: issuer.algorithms, clockTolerance: issuer.clockTolerance, requiredClaims: ['exp'] };
      payload = (typeof issuer.key === 'function' ? await jwtVerify(token, issuer.key, options) : await jwtVerify(token, issuer.key, options)).payload;
    } catch (error) {
      throw jwtFailure(error);
    }
    const subject = payload[issuer.appClaim];
    if (typeof subject !== 'string' || subject === '') throw jwtFailure('claim', `The token has no "${issuer.appClaim}" claim naming the client.`);
    return { issuer: issuer.issuer, subject, appId: issuer.clients.get(subject) };
  }
}

function resolveKey(source: SnapshotJwtIssuer, services: GatewayServices): KeyObject | JWTVerifyGetKey | string {
  if (source.jwksUrl !== null) return remoteKeySet(services, source.jwksUrl);
  if (source.publicKeyPem === null) return 'neither jwksUrl nor publicKeyPem is set';
  try {
    const key = createPublicKey(source.publicKeyPem);
    return key.type === 'public' ? key : 'publicKeyPem is not a public key';
  } catch {
    return 'publicKeyPem is not a valid PEM public key';
  }
}
