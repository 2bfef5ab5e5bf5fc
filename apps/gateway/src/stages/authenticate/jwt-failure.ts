import { TollgateError } from '@tollgate/errors';
import { errors } from 'jose';

export type JwtFailureReason = 'malformed' | 'issuer' | 'audience' | 'expired' | 'not_yet_valid' | 'algorithm' | 'signature' | 'unknown_kid' | 'claim';

const DETAILS: Record<JwtFailureReason, string> = {
  malformed: 'The token is not a well-formed JWT.',
  issuer: 'The token issuer is not accepted by this API.',
  audience: 'The token audience does not include this API.',
  expired: 'The token has expired.',
  not_yet_valid: 'The token is not valid yet (nbf).',
  algorithm: 'The token algorithm is not allowed for this issuer.',
  signature: 'The token signature does not verify.',
  unknown_kid: 'No key of the issuer matches the token (kid).',
  claim: 'A required claim is missing or invalid.',
};

/**
 * A JWT failure as problem+json: 401 invalid_token with `reason` saying which check
 * failed (RFC 6750 challenge), or 503 when the issuer's key set cannot be fetched.
 * The token itself is never part of the problem.
 */
export function jwtFailure(cause: unknown, detail?: string): TollgateError {
  if (typeof cause === 'string') return invalidToken(cause as JwtFailureReason, detail);
  if (cause instanceof errors.JWTExpired) return invalidToken('expired');
  if (cause instanceof errors.JWTClaimValidationFailed) {
    if (cause.claim === 'nbf') return invalidToken('not_yet_valid');
    if (cause.claim === 'aud') return invalidToken('audience');
    if (cause.claim === 'iss') return invalidToken('issuer');
    return invalidToken('claim', `The "${cause.claim}" claim is missing or invalid.`);
  }
  if (cause instanceof errors.JOSEAlgNotAllowed || cause instanceof errors.JOSENotSupported) return invalidToken('algorithm');
  if (cause instanceof errors.JWSSignatureVerificationFailed) return invalidToken('signature');
  if (cause instanceof errors.JWKSNoMatchingKey || cause instanceof errors.JWKSMultipleMatchingKeys) return invalidToken('unknown_kid');
  if (cause instanceof errors.JWSInvalid || cause instanceof errors.JWTInvalid) return invalidToken('malformed');
  return new TollgateError('identity_provider_unavailable', {
    detail: "The token issuer's signing keys could not be fetched; try again shortly.",
    internal: `jwks: ${cause instanceof Error ? cause.message : String(cause)}`,
    headers: { 'retry-after': '5' },
  });
}

function invalidToken(reason: JwtFailureReason, detail?: string): TollgateError {
  const text = detail ?? DETAILS[reason];
  return new TollgateError('invalid_token', {
    detail: text,
    extensions: { reason },
    headers: { 'www-authenticate': `Bearer realm="tollgate", error="invalid_token", error_description="${text.replaceAll('"', "'")}"` },
  });
}
