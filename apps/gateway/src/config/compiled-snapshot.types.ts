import type { TApiPolicies, TRoutePolicies } from '@tollgate/contracts';
import type { SnapshotJwtIssuer } from '@tollgate/db';
import type FindMyWay from 'find-my-way';
import type { UpstreamBalancer } from '../adapters/upstream/upstream-balancer';
import type { RouteMetrics } from '../admin/gateway-metrics';
import type { BoundStage } from '../pipeline/types';
import type { CompiledDiscovery } from './compile-discovery';
import type { HostRouters } from './host-routers';
import type { KeyTable } from './key-table';

export type RouteAuth = 'none' | 'key' | 'jwt' | 'key_or_jwt';

export interface CompiledPlan {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
  readonly rateLimit: { readonly requests: number; readonly per: 'second' | 'minute' | 'hour'; readonly burst: number | null } | null;
  readonly quota: { readonly requests: number; readonly per: 'day' | 'month' } | null;
  readonly hardStop: boolean;
}

export interface CompiledApp {
  readonly id: string;
  readonly slug: string;
  readonly teamId: string;
}

export interface CompiledSubscription {
  readonly id: string;
  readonly app: CompiledApp;
  readonly apiId: string;
  readonly plan: CompiledPlan;
  readonly quotaOverride: number | null;
  /** Start of the first billing period (ms); quota periods repeat from its wall-clock time. */
  readonly billingAnchorMs: number;
  /** IANA zone the billing anchor is read in. */
  readonly timeZone: string;
  /** Admin reset: quota counted before this instant (ms) no longer counts; null when never reset. */
  readonly quotaResetAtMs: number | null;
}

export interface CompiledKey {
  readonly id: string;
  readonly app: CompiledApp;
  readonly environment: 'live' | 'test';
  /** API slugs and `api:route-key` entries the key may call; null when unrestricted. */
  readonly scopes: ReadonlySet<string> | null;
  /** Milliseconds since the epoch; Infinity when the key never expires. */
  readonly expiresAtMs: number;
  /** Revoked recently: kept only to answer revoked_api_key instead of invalid_api_key. */
  readonly revoked: boolean;
}

export interface CompiledApi {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
  readonly basePath: string;
  /** Host names (or `*.suffix`) the API answers on; empty for any host. */
  readonly hosts: readonly string[];
  /** Version names, empty when the API has no versions. */
  readonly versions: readonly string[];
  readonly upstream: UpstreamBalancer | null;
  /** `upstreams.settings` as stored (timeouts, health checks, ...). */
  readonly upstreamSettings: unknown;
  /** apis.policies, parsed once when the snapshot compiled (defaults when it did not parse: its routes are then locked). */
  readonly policies: TApiPolicies;
  readonly status: 'published' | 'deprecated';
  /** ISO times from the API's lifecycle, announced while it is deprecated; null when unset. */
  readonly deprecatedAt: string | null;
  readonly sunsetAt: string | null;
  /** The API's OpenAPI document as stored, or null. */
  readonly openapi: unknown;
}

export interface CompiledRoute {
  readonly id: string;
  /** Stable identity inside the API: "GET,POST /forecast/{city}". */
  readonly key: string;
  readonly api: CompiledApi;
  /** basePath joined with the route path: "/weather/forecast/{city}". */
  readonly template: string;
  /** What stripping removes from the request path: the basePath, plus the version segment for path versions. */
  readonly stripPrefix: string;
  /** The version this mount serves, or null. */
  readonly version: string | null;
  readonly methods: readonly string[];
  readonly auth: RouteAuth;
  readonly allowQueryKey: boolean;
  readonly stripBasePath: boolean;
  readonly rewrite: string | null;
  readonly weight: number;
  /** routes.policies, parsed once when the snapshot compiled. */
  readonly policies: TRoutePolicies;
  readonly metrics: RouteMetrics;
  /** Stages up to and including forward. */
  main: BoundStage[];
  /** Record-phase stages: run after the response, whatever happened. */
  after: BoundStage[];
}

/** The lookups stages read, built before any stage is configured. */
export interface SnapshotIndex {
  readonly revision: number;
  /**
   * Active keys: `get(sha256 hex)` or `find(presented key)`. Patched between revisions
   * without recompiling routes, so stages read it at request time
   * (`ctx.snapshot.index.keys`) and never keep it from `configure`.
   */
  readonly keys: KeyTable;
  readonly apps: ReadonlyMap<string, CompiledApp>;
  /** apiId -> appId -> active subscription. */
  readonly subscriptions: ReadonlyMap<string, ReadonlyMap<string, CompiledSubscription>>;
  readonly plans: ReadonlyMap<string, CompiledPlan>;
  /** apiId -> appId -> status of a subscription that is not active. */
  readonly inactiveSubscriptions: ReadonlyMap<string, ReadonlyMap<string, 'pending' | 'suspended' | 'cancelled'>>;
  /** apiId -> the JWT issuers that API accepts, as stored. */
  readonly jwtIssuers: ReadonlyMap<string, readonly SnapshotJwtIssuer[]>;
}

export type ConfigSource = 'database' | 'disk';

export interface CompiledSnapshot {
  readonly revision: number;
  readonly loadedAt: string;
  readonly source: ConfigSource;
  readonly index: SnapshotIndex;
  /** Router of the APIs without hosts. */
  readonly router: FindMyWay.Instance<FindMyWay.HTTPVersion.V1>;
  /** Routers by request host; `forHost(host)` picks one. */
  readonly routers: HostRouters;
  readonly routes: readonly CompiledRoute[];
  /** Receive and route stages. */
  readonly entry: readonly BoundStage[];
  /** Record stages for requests that matched no route. */
  readonly after: readonly BoundStage[];
  /** Upstream origins the routes use; pools for any other origin can close. */
  readonly origins: ReadonlySet<string>;
  readonly discovery: CompiledDiscovery;
  readonly warnings: readonly string[];
}
