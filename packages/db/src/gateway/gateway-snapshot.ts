// The gateway's view of the config: everything the request path needs, as plain JSON
// (no Date, no BigInt) so the same value can be written to disk and read back.

export const GATEWAY_SNAPSHOT_FORMAT = 1;

export interface GatewaySnapshot {
  format: typeof GATEWAY_SNAPSHOT_FORMAT;
  /** config_state.revision when the snapshot was read. */
  revision: number;
  /** ISO time the snapshot was read from PostgreSQL. */
  loadedAt: string;
  apis: SnapshotApi[];
  plans: SnapshotPlan[];
  apps: SnapshotApp[];
  subscriptions: SnapshotSubscription[];
  keys: SnapshotKey[];
  /** Subscriptions that are not active, so the gateway can say why (absent in older snapshots). */
  inactiveSubscriptions?: SnapshotInactiveSubscription[];
  /** JWT issuers per API with their client -> app mappings (absent in older snapshots). */
  jwtIssuers?: SnapshotJwtIssuer[];
  /** Discovery: templates the gateway refuses, and admins' split and merge decisions (absent in older snapshots). */
  discovery?: SnapshotDiscovery;
}

export interface SnapshotDiscovery {
  /** host '' blocks the template on every host. */
  blocked: { host: string; method: string; template: string; status: 404 | 410 }[];
  splits: { host: string; template: string }[];
  merges: { host: string; template: string; into: string }[];
  /** Templates an admin ignored: the gateway no longer counts them (absent in older snapshots). */
  ignored?: { host: string; method: string; template: string }[];
}

export interface SnapshotApi {
  id: string;
  slug: string;
  name: string;
  basePath: string;
  hosts: string[];
  /** API versions (absent in older snapshots). */
  versions?: SnapshotApiVersion[];
  status: 'published' | 'deprecated';
  /** ISO times announced on a deprecated API's responses (Deprecation, Sunset); null when unset (absent in older snapshots). */
  deprecatedAt?: string | null;
  sunsetAt?: string | null;
  /** The API's OpenAPI document, for routes that validate requests against it (absent in older snapshots). */
  openapi?: unknown;
  policies: unknown;
  routes: SnapshotRoute[];
  upstream: SnapshotUpstream | null;
}

export interface SnapshotRoute {
  id: string;
  key: string;
  path: string;
  methods: string[];
  auth: 'none' | 'key' | 'jwt' | 'key_or_jwt';
  weight: number;
  allowQueryKey: boolean;
  stripBasePath: boolean;
  rewrite: string | null;
  policies: unknown;
  /** Name of the version the route belongs to; null or absent: every version. */
  version?: string | null;
}

export interface SnapshotApiVersion {
  name: string;
  selector: 'path' | 'header';
  /** Path segment or header value that selects the version. */
  match: string;
  isDefault: boolean;
}

export interface SnapshotUpstream {
  id: string;
  loadBalancing: 'round_robin' | 'weighted' | 'least_connections';
  settings: unknown;
  targets: SnapshotTarget[];
}

export interface SnapshotTarget {
  id: string;
  url: string;
  weight: number;
  /** The upstream version it serves in a traffic split (absent: none, or an older snapshot). */
  version?: string;
}

export interface SnapshotPlan {
  id: string;
  slug: string;
  name: string;
  rateLimitRequests: number | null;
  rateLimitPer: 'second' | 'minute' | 'hour' | null;
  burst: number | null;
  quotaRequests: number | null;
  quotaPer: 'day' | 'month' | null;
  hardStop: boolean;
  apiIds: string[];
}

export interface SnapshotApp {
  id: string;
  slug: string;
  teamId: string;
}

export interface SnapshotSubscription {
  id: string;
  appId: string;
  apiId: string;
  planId: string;
  billingAnchor: string;
  timeZone: string;
  quotaOverride: number | null;
  quotaResetAt: string | null;
}

/** The columns of api_keys the gateway reads, for full and incremental loads alike. */
export const GATEWAY_KEY_COLUMNS = { id: true, appId: true, hash: true, environment: true, scopes: true, expiresAt: true, revokedAt: true } as const;

export interface SnapshotKey {
  id: string;
  appId: string;
  /** SHA-256 of the key, hex. */
  hash: string;
  environment: 'live' | 'test';
  scopes: string[];
  expiresAt: string | null;
  /** Set for keys revoked recently: they answer revoked_api_key instead of invalid_api_key. */
  revokedAt?: string | null;
}

export interface SnapshotInactiveSubscription {
  appId: string;
  apiId: string;
  status: 'pending' | 'suspended' | 'cancelled';
}

export interface SnapshotJwtIssuer {
  id: string;
  apiId: string;
  issuer: string;
  audience: string[];
  jwksUrl: string | null;
  publicKeyPem: string | null;
  algorithms: string[];
  appClaim: string;
  clockSkewSeconds: number;
  /** Value of the app claim -> app id. */
  clients: { subject: string; appId: string }[];
}
