import { createLocalJWKSet, errors, type FlattenedJWSInput, type JSONWebKeySet, type JWSHeaderParameters, type JWTVerifyGetKey } from 'jose';

export interface RemoteKeySetOptions {
  /** Shortest time between two fetches (after a success or a failure). */
  readonly cooldownMs: number;
  /** A key set older than this is fetched again before use (when the cooldown allows). */
  readonly maxAgeMs: number;
  readonly timeoutMs: number;
  readonly now?: () => number;
}

const MAX_JWKS_BYTES = 512 * 1024;

/**
 * A JWKS URL's keys, fetched on first use and kept. At most one fetch per cooldown,
 * whatever happens: an unknown `kid` (key rotation) refetches only when the cooldown
 * has passed, a failed fetch is not retried before it either, and concurrent requests
 * share one fetch. When a refetch fails, the last good set keeps serving (stale if
 * error); with no set at all the request fails as unavailable. No redirects, a timeout
 * and a size cap on the body.
 */
export class RemoteKeySet {
  private local: ReturnType<typeof createLocalJWKSet> | null = null;
  private fetchedAt = Number.NEGATIVE_INFINITY;
  private attemptedAt = Number.NEGATIVE_INFINITY;
  private lastError: unknown = null;
  private pending: Promise<void> | null = null;
  private readonly now: () => number;

  constructor(
    private readonly url: URL,
    private readonly options: RemoteKeySetOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  readonly getKey: JWTVerifyGetKey = async (header: JWSHeaderParameters, token: FlattenedJWSInput) => {
    if (this.local === null || this.now() - this.fetchedAt > this.options.maxAgeMs) await this.refresh();
    const local = this.local;
    if (local === null) throw new Error(`JWKS ${this.url.origin} unavailable`, { cause: this.lastError });
    try {
      return await local(header, token);
    } catch (error) {
      if (!(error instanceof errors.JWKSNoMatchingKey)) throw error;
      if (this.mayFetch()) await this.refresh();
      if (this.local !== local) return this.local!(header, token);
      // The last fetch failed: the kid may well be real, so this is not the caller's fault.
      if (this.lastError !== null) throw new Error(`JWKS ${this.url.origin} unavailable`, { cause: this.lastError });
      throw error;
    }
  };

  private mayFetch(): boolean {
    return this.now() - this.attemptedAt >= this.options.cooldownMs;
  }

  /** Fetches when the cooldown allows (sharing a fetch in flight); never throws. */
  private refresh(): Promise<void> {
    if (this.pending !== null) return this.pending;
    if (!this.mayFetch()) return Promise.resolve();
    this.attemptedAt = this.now();
    this.pending = this.fetchSet()
      .then((set) => {
        this.local = createLocalJWKSet(set);
        this.fetchedAt = this.now();
        this.lastError = null;
      })
      .catch((error: unknown) => {
        this.lastError = error;
      })
      .finally(() => {
        this.pending = null;
      });
    return this.pending;
  }

  private async fetchSet(): Promise<JSONWebKeySet> {
    const response = await fetch(this.url, {
      redirect: 'manual',
      signal: AbortSignal.timeout(this.options.timeoutMs),
      headers: { accept: 'application/jwk-set+json, application/json' },
    });
    if (response.status !== 200) {
      await response.body?.cancel();
      throw new Error(`JWKS answered ${response.status}`);
    }
    const declared = Number(response.headers.get('content-length') ?? 0);
    if (declared > MAX_JWKS_BYTES) throw new Error('JWKS too large');
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      size += chunk.byteLength;
      if (size > MAX_JWKS_BYTES) throw new Error('JWKS too large');
      chunks.push(chunk);
    }
    const set = JSON.parse(Buffer.concat(chunks).toString('utf8')) as JSONWebKeySet;
    if (!Array.isArray(set?.keys)) throw new Error('JWKS has no "keys" array');
    return set;
  }
}
