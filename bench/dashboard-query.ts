// Dashboard query time at scale: the analytics dashboards (console and portal) and the
// request log search, over 30 days of traffic that count 100 million requests, each beside
// the way the same question was answered before the analytics module (from the minutes).
//
//   npx tsx bench/dashboard-query.ts [--requests 100000000] [--days 30] [--runs 5] [--fresh | --if-seeded]
//
// Uses DATABASE_URL's server (default postgresql://postgres@127.0.0.1:5432) and a
// database of its own, `tollgate_bench_dashboard_<requests>`, seeded once and reused while the seed
// matches (--fresh reseeds). "N requests" means per-minute rollups whose counts add up to
// exactly N, rolled into the hourly and daily levels by the worker's own rollUpLevels; the
// raw request log holds the last two days at the average daily volume (what a one-day
// search reads, with a neighbouring partition).
import { ZConfigFile } from '@tollgate/contracts';
import { applyConfig, createApiKey, createDb, ensureRequestLogPartitions, getUsageSummary, rollUpLevels, type Db, type RollupRow } from '@tollgate/db';
import pg from 'pg';
import { analyticsWindow, CLI_PRINCIPAL, listRequestLog, readAnalytics, resolveAnalyticsFilter, runOperation, type Tx } from '@tollgate/operations';
import type { TAnalyticsFilter } from '@tollgate/contracts';
import { applyMigrations, dropDatabase, ensureDatabase } from '@tollgate/db/migrate';
import { LATENCY_BUCKET_BOUNDS_MS, LATENCY_BUCKET_COUNT, latencyQuantile } from '@tollgate/domain';
import { numberArg } from './lib/options';

const args = process.argv.slice(2);
const requested = Math.floor(numberArg('requests', 100_000_000));
const runCount = Math.floor(numberArg('runs', 5));
/** 0 when not given: the seed's database name then carries no day count. */
const givenDays = Math.floor(numberArg('days', 0));
const fresh = args.includes('--fresh');
/** Quick benchmark runs: measure only when the seed is already there, never spend minutes seeding. */
const ifSeeded = args.includes('--if-seeded');
const server = new URL(process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres');
// One database per size, so quick and full runs each keep their own seed.
server.pathname = `/tollgate_bench_dashboard_${requested}${givenDays ? `_${givenDays}d` : ''}`;
const url = server.toString();

/** Bumped whenever the seed's shape changes, so an older seed is not reused. */
const SEED_VERSION = 2;
/** What every dashboard query and the request log search must answer within, on a 2-core machine. */
const TARGET_MS = 300;
/** Days of traffic seeded (30 by default: what a 30-day dashboard reads; fewer for a quick check of the script). */
const DAYS = givenDays || 30;
const MINUTES = DAYS * 1440;
const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

const ms = (start: number) => performance.now() - start;
const fmt = (value: number, digits = 0) => value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const megabytes = (bytes: number) => (bytes >= 1e9 ? `${fmt(bytes / 1e9, 2)} GB` : `${fmt(bytes / 1e6, 0)} MB`);

// ---------------------------------------------------------------------------------------
// The platform: two APIs, three plans, 20 apps of very different sizes, one key each.
// Every app-route pair has successes, client and server errors; rate-limited and over-quota
// calls where the plan has such limits; refused credentials per route (no app).

interface RouteSpec {
  path: string;
  method: 'GET' | 'POST';
  weight: number;
  /** Share of the API's traffic. */
  share: number;
  latency: 'fast' | 'medium' | 'slow';
  bytesIn: number;
  bytesOut: number;
  /** Share of 4xx answers (5xx: 1 %, more during the incident). */
  clientErrors: number;
}

const APIS: Record<'weather' | 'payments', { basePath: string; routes: RouteSpec[] }> = {
  weather: {
    basePath: '/weather',
    routes: [
      { path: '/forecast/{city}', method: 'GET', weight: 1, share: 0.5, latency: 'medium', bytesIn: 420, bytesOut: 2_400, clientErrors: 0.03 },
      { path: '/current/{city}', method: 'GET', weight: 1, share: 0.3, latency: 'fast', bytesIn: 400, bytesOut: 900, clientErrors: 0.025 },
      { path: '/history/{city}', method: 'GET', weight: 5, share: 0.12, latency: 'slow', bytesIn: 450, bytesOut: 18_000, clientErrors: 0.04 },
      { path: '/alerts', method: 'POST', weight: 2, share: 0.08, latency: 'medium', bytesIn: 1_300, bytesOut: 350, clientErrors: 0.08 },
    ],
  },
  payments: {
    basePath: '/payments',
    routes: [
      { path: '/charges', method: 'POST', weight: 1, share: 0.35, latency: 'medium', bytesIn: 1_100, bytesOut: 800, clientErrors: 0.05 },
      { path: '/charges/{id}', method: 'GET', weight: 1, share: 0.5, latency: 'fast', bytesIn: 380, bytesOut: 750, clientErrors: 0.02 },
      { path: '/refunds', method: 'POST', weight: 1, share: 0.15, latency: 'medium', bytesIn: 900, bytesOut: 600, clientErrors: 0.06 },
    ],
  },
};
const APP_COUNT = 20;
const appSlug = (i: number) => `dash-app-${String(i).padStart(2, '0')}`;
/** Apps 1-12 call weather, 13-16 payments, 17-20 both (70 / 30). */
const appApis = (i: number): Array<['weather' | 'payments', number]> =>
  i <= 12 ? [['weather', 1]] : i <= 16 ? [['payments', 1]] : [['weather', 0.7], ['payments', 0.3]];
const appPlan = (i: number) => ([1, 2, 13, 17].includes(i) ? 'enterprise' : [3, 4, 5, 6, 14, 18].includes(i) ? 'pro' : 'free');
/** Zipf-like: app 1 sends about 30 % of all traffic, app 20 about 1 %. */
const appWeight = (i: number) => 1 / i ** 1.1;

/** Cumulative share of requests at or under each latency bucket (bounds in @tollgate/domain, last is the overflow). */
const LATENCY_CDF: Record<'fast' | 'medium' | 'slow' | 'client' | 'server', number[]> = {
  fast: [0.01, 0.05, 0.25, 0.55, 0.85, 0.94, 0.975, 0.99, 0.996, 0.999, 0.9997, 0.9999, 1, 1, 1],
  medium: [0, 0.01, 0.05, 0.2, 0.55, 0.8, 0.93, 0.98, 0.993, 0.998, 0.9995, 0.9999, 1, 1, 1],
  slow: [0, 0, 0.01, 0.03, 0.1, 0.3, 0.6, 0.85, 0.95, 0.985, 0.997, 0.999, 0.9997, 1, 1],
  client: [0.3, 0.6, 0.85, 0.95, 0.99, 0.997, 0.999, 1, 1, 1, 1, 1, 1, 1, 1],
  server: [0, 0, 0.02, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.97, 1],
};

/** Mean latency of a profile, each bucket at the middle of its bounds (the overflow at 45 s). */
function meanLatency(cdf: number[]): number {
  let sum = 0;
  for (let i = 0; i < cdf.length; i++) {
    const lower = i === 0 ? 0 : LATENCY_BUCKET_BOUNDS_MS[i - 1]!;
    const upper = LATENCY_BUCKET_BOUNDS_MS[i] ?? 60_000;
    sum += (cdf[i]! - (i === 0 ? 0 : cdf[i - 1]!)) * ((lower + upper) / 2);
  }
  return sum;
}

/** One seeded rollup series: the rollup key columns, plus how much traffic it gets. */
interface Series extends Pick<RollupRow, 'apiId' | 'routeKey' | 'appId' | 'keyId' | 'planId' | 'subscriptionId' | 'statusClass' | 'outcome'> {
  /** Expected share of all requests before the daily cycle and noise. */
  weight: number;
  unitsPerCall: number;
  bytesIn: number;
  bytesOut: number;
  meanMs: number;
  cdf: number[];
  /** 5xx of the payments API: ten times more during a one-hour incident. */
  incident: boolean;
}

interface SeedInfo {
  version: number;
  requests: number;
  /** Exclusive end of the seeded minutes (ISO); the queries' windows end here. */
  end: string;
  rows: number;
  seedSeconds: number;
}

async function platform(db: Db): Promise<Series[]> {
  const config = ZConfigFile.parse({
    apis: Object.entries(APIS).map(([slug, api]) => ({
      slug,
      name: slug[0]!.toUpperCase() + slug.slice(1),
      basePath: api.basePath,
      status: 'published',
      upstream: { targets: [{ url: `http://127.0.0.1:9/${slug}` }] },
      routes: api.routes.map((route) => ({ path: route.path, methods: [route.method], weight: route.weight })),
    })),
    plans: [
      { slug: 'free', name: 'Free', apis: ['weather', 'payments'], rateLimit: { requests: 600, per: 'minute' }, quota: { requests: 1_000_000, per: 'month' } },
      { slug: 'pro', name: 'Pro', apis: ['weather', 'payments'], rateLimit: { requests: 6_000, per: 'minute' }, quota: { requests: 50_000_000, per: 'month' } },
      { slug: 'enterprise', name: 'Enterprise', apis: ['weather', 'payments'], rateLimit: { requests: 60_000, per: 'minute' } },
    ],
    teams: [
      {
        slug: 'dash',
        name: 'Dashboard bench',
        apps: Array.from({ length: APP_COUNT }, (_, n) => ({
          slug: appSlug(n + 1),
          name: `App ${n + 1}`,
          subscriptions: appApis(n + 1).map(([api]) => ({ api, plan: appPlan(n + 1) })),
        })),
      },
    ],
  });
  await applyConfig(db, config, { baseDir: process.cwd() });
  const apis = await db.api.findMany({ select: { id: true, slug: true, routes: { select: { key: true, path: true } } } });
  const apps = await db.app.findMany({ select: { id: true, slug: true, subscriptions: { select: { id: true, apiId: true, planId: true } }, keys: { select: { id: true } } } });
  const appWeights = Array.from({ length: APP_COUNT }, (_, n) => appWeight(n + 1));
  const totalAppWeight = appWeights.reduce((a, b) => a + b, 0);
  const series: Series[] = [];
  const refusedByRoute = new Map<string, { apiId: string; routeKey: string; weight: number; bytesIn: number }>();
  for (let i = 1; i <= APP_COUNT; i++) {
    const app = apps.find((x) => x.slug === appSlug(i))!;
    const keyId = app.keys[0]?.id ?? (await createApiKey(db, { appSlug: app.slug })).id;
    for (const [apiSlug, apiShare] of appApis(i)) {
      const api = apis.find((x) => x.slug === apiSlug)!;
      const subscription = app.subscriptions.find((x) => x.apiId === api.id)!;
      for (const route of APIS[apiSlug].routes) {
        const routeKey = api.routes.find((x) => x.path === route.path)!.key;
        const base = ((appWeights[i - 1]! / totalAppWeight) * apiShare * route.share);
        // 4xx: mostly the clients' own mistakes; plans with tight limits hit them (free more often,
        // and the free quota too); refused credentials (15 %) carry no app and are added per route below.
        const plan = appPlan(i);
        const limited = plan === 'free' ? 0.2 : plan === 'pro' ? 0.1 : 0;
        const overQuota = plan === 'free' ? 0.05 : 0;
        const classes: Array<[number, Series['outcome'], number, Series['cdf']]> = [
          [2, 'success', 1 - route.clientErrors - 0.01, LATENCY_CDF[route.latency]],
          [4, 'clientError', route.clientErrors * (0.85 - limited - overQuota), LATENCY_CDF.client],
          [4, 'rateLimited', route.clientErrors * limited, LATENCY_CDF.client],
          [4, 'overQuota', route.clientErrors * overQuota, LATENCY_CDF.client],
          [5, 'serverError', 0.01, LATENCY_CDF.server],
        ];
        for (const [statusClass, outcome, share, cdf] of classes) {
          if (share === 0) continue;
          series.push({
            apiId: api.id,
            routeKey,
            appId: app.id,
            keyId,
            planId: subscription.planId,
            subscriptionId: subscription.id,
            statusClass,
            outcome,
            weight: base * share,
            unitsPerCall: route.weight,
            bytesIn: route.bytesIn,
            bytesOut: statusClass === 2 ? route.bytesOut : 180,
            meanMs: meanLatency(cdf),
            cdf,
            incident: apiSlug === 'payments' && statusClass === 5,
          });
        }
        const refused = `${apiSlug} ${routeKey}`;
        refusedByRoute.set(refused, { apiId: api.id, routeKey, weight: (refusedByRoute.get(refused)?.weight ?? 0) + base * route.clientErrors * 0.15, bytesIn: route.bytesIn });
      }
    }
  }
  for (const { apiId, routeKey, weight, bytesIn } of refusedByRoute.values()) {
    const cdf = LATENCY_CDF.client;
    series.push({ apiId, routeKey, appId: '', keyId: '', planId: '', subscriptionId: '', statusClass: 4, outcome: 'authFailed', weight, unitsPerCall: 0, bytesIn, bytesOut: 180, meanMs: meanLatency(cdf), cdf, incident: false });
  }
  return series;
}

// ---------------------------------------------------------------------------------------
// Seeding, all in SQL. Every (minute, series) pair is a candidate row with an expected
// count u (series weight x daily cycle x noise); counts are u scaled to N and rounded up
// or down at random (stochastic rounding keeps the total unbiased and leaves quiet series
// with empty minutes, as real traffic does); the few requests the rounding gains or loses
// overall are taken from or given to the busiest series, one per minute at most, so that
// the counts add up to exactly N. Candidates with a count of 0 are not inserted.

const literal = (value: string) => `'${value.replaceAll("'", "''")}'`;
/** A rollup's '' (none) as the request log's NULL. */
const uuidOrNull = (value: string) => (value === '' ? 'NULL::uuid' : `${literal(value)}::uuid`);

function seriesValues(series: Series[]): string {
  return series
    .map(
      (s, idx) =>
        `(${idx}, ${literal(s.apiId)}::uuid, ${literal(s.routeKey)}, ${literal(s.appId)}, ${literal(s.keyId)}, ${literal(s.planId)}, ${literal(s.subscriptionId)}, ` +
        `${s.statusClass}, ${literal(s.outcome)}, ${s.weight}::float8, ${s.unitsPerCall}, ${s.bytesIn}, ${s.bytesOut}, ${s.meanMs}::float8, ARRAY[${s.cdf.join(', ')}]::float8[], ${s.incident})`,
    )
    .join(',\n');
}

/**
 * Candidate rows for minutes [from, to): m (minute index), s.*, h (uniform in [0, 1)) and u,
 * the unscaled expected count. `ordered` joins minute by minute, so inserted rows reach the
 * (minute, ...) unique index in order.
 */
function candidates(series: Series[], from: number, to: number, ordered = false): string {
  const hash = (seed: number) => `((hashint8extended(m::bigint * ${series.length} + s.idx, ${seed}) & 4294967295)::float8 / 4294967296.0)`;
  // Peak at 14:00 UTC, trough at 02:00; weekends at 70 %; one hour-long payments incident on day 20.
  return `
    SELECT m, s.*, ${hash(2)} AS h,
           s.w * (1 + 0.6 * sin(2 * pi() * (((m % 1440) / 60.0) - 8) / 24))
               * CASE WHEN (m / 1440) % 7 IN (5, 6) THEN 0.7 ELSE 1 END
               * (0.85 + 0.3 * ${hash(1)})
               * CASE WHEN s.incident AND m BETWEEN ${19 * 1440 + 600} AND ${19 * 1440 + 659} THEN 10 ELSE 1 END AS u
      FROM generate_series(${from}, ${to - 1}) m,
           ${ordered ? 'LATERAL ' : ''}(SELECT * FROM (VALUES ${seriesValues(series)})
                      AS v(idx, api_id, route_key, app_id, key_id, plan_id, subscription_id, status_class, outcome, w, units_per_call, bytes_in, bytes_out, mean_ms, cdf, incident)
                     ${ordered ? 'WHERE m IS NOT NULL OFFSET 0' : ''}) s`;
}

async function seed(db: Db, end: Date): Promise<SeedInfo> {
  const started = performance.now();
  const series = await platform(db);
  // The busiest series (app 1, its busiest route, 2xx) absorbs the rounding difference.
  const busiest = series.reduce((best, s, idx) => (s.weight > series[best]!.weight ? idx : best), 0);
  const [{ z } = { z: '' }] = await db.$queryRawUnsafe<{ z: string }[]>(`SELECT sum(u)::text AS z FROM (${candidates(series, 0, MINUTES)}) c`);
  console.log(`  expected counts summed in ${fmt(ms(started) / 1000, 1)} s`);
  const scaled = `floor(${requested}::float8 * u / ${z}::float8 + h)::bigint`;
  const [totals] = await db.$queryRawUnsafe<{ total: bigint; busiest_min: bigint }[]>(
    `SELECT sum(${scaled})::bigint AS total, min(${scaled}) FILTER (WHERE idx = ${busiest}) AS busiest_min FROM (${candidates(series, 0, MINUTES)}) c`,
  );
  const deficit = requested - Number(totals!.total);
  console.log(`  rounded counts summed in ${fmt(ms(started) / 1000, 1)} s (rounding difference ${deficit}, given to the busiest series)`);
  if (Math.abs(deficit) > MINUTES || (deficit < 0 && Number(totals!.busiest_min) < 2)) {
    throw new Error(`cannot spread a rounding difference of ${deficit} over the busiest series; raise --requests`);
  }
  // +1 or -1 on |deficit| of the busiest series' minutes, evenly spread (m -> floor((m+1)d/M) - floor(md/M)).
  const sign = Math.sign(deficit);
  const d = Math.abs(deficit);
  const count = `(${scaled} + CASE WHEN idx = ${busiest} THEN ${sign} * (((m::bigint + 1) * ${d}) / ${MINUTES} - (m::bigint * ${d}) / ${MINUTES}) ELSE 0 END)`;
  const start = new Date(end.getTime() - MINUTES * MINUTE_MS);
  const buckets = Array.from({ length: LATENCY_BUCKET_COUNT }, (_, i) =>
    i === 0 ? `floor(n * cdf[1])` : i === LATENCY_BUCKET_COUNT - 1 ? `n - floor(n * cdf[${i}])` : `floor(n * cdf[${i + 1}]) - floor(n * cdf[${i}])`,
  ).join(', ');
  const insert = (from: number, to: number) => `
    INSERT INTO usage_rollups (minute, "apiId", "routeKey", "appId", "keyId", "planId", "subscriptionId", "statusClass", outcome,
                               count, units, errors, "bytesIn", "bytesOut", "latencySumMs", "latencyBuckets")
    SELECT ${literal(start.toISOString())}::timestamp + m * interval '1 minute', api_id, route_key, app_id, key_id, plan_id, subscription_id, status_class, outcome,
           n, CASE WHEN outcome IN ('success', 'clientError') THEN n * units_per_call ELSE 0 END, CASE WHEN status_class >= 4 THEN n ELSE 0 END,
           round(n * bytes_in * (0.9 + 0.2 * h)), round(n * bytes_out * (0.8 + 0.4 * h)), n * mean_ms * (0.9 + 0.2 * h),
           ARRAY[${buckets}]::bigint[]
      FROM (SELECT c.*, ${count} AS n FROM (${candidates(series, from, to, true)}) c) c
     WHERE n > 0`;
  // One day per statement, two at a time (the server has the cores; each INSERT is serial).
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < DAYS) {
      const day = next++;
      await db.$executeRawUnsafe(insert(day * 1440, (day + 1) * 1440));
      if (++done % 5 === 0) console.log(`  ${done}/${DAYS} days, ${fmt(ms(started) / 1000, 0)} s`);
    }
  };
  await Promise.all([worker(), worker()]);
  await db.$executeRawUnsafe('ANALYZE usage_rollups');
  const rolling = performance.now();
  const levels = await rollUpLevels(db, { timeoutMs: 2 * HOUR_MS });
  await db.$executeRawUnsafe('ANALYZE usage_rollups_hourly');
  await db.$executeRawUnsafe('ANALYZE usage_rollups_daily');
  console.log(`  ${levels.hours} hours and ${levels.days} days rolled up by the worker's rollUpLevels in ${fmt(ms(rolling) / 1000, 1)} s`);
  await seedRequestLog(db, series, end, start);
  const [check] = await db.$queryRawUnsafe<{ rows: bigint; total: bigint }[]>('SELECT count(*) AS rows, sum(count)::bigint AS total FROM usage_rollups');
  if (Number(check!.total) !== requested) throw new Error(`seeded ${check!.total} requests, not ${requested}`);
  const info: SeedInfo = { version: SEED_VERSION, requests: requested, end: end.toISOString(), rows: Number(check!.rows), seedSeconds: ms(started) / 1000 };
  await db.$executeRawUnsafe(`COMMENT ON TABLE usage_rollups IS ${literal(`tollgate-bench-dashboard ${JSON.stringify(info)}`)}`);
  return info;
}

/** What a seeded outcome answers with in the request log. */
const OUTCOME_STATUS: Record<Series['outcome'], number> = { success: 200, clientError: 404, rateLimited: 429, overQuota: 429, authFailed: 401, serverError: 502 };

/**
 * The raw request log of the last seeded day (the window the request log search reads), one
 * row per request at the day's average volume (N / DAYS), each drawn from the series by
 * weight; the day before is there too, so a one-day search has a neighbour partition.
 */
async function seedRequestLog(db: Db, series: Series[], end: Date, start: Date): Promise<void> {
  const started = performance.now();
  const perDay = Math.round(requested / DAYS);
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  try {
    const days = [2, 1, 0].map((back) => new Date(end.getTime() - back * DAY_MS).toISOString().slice(0, 10));
    await ensureRequestLogPartitions(pool, [...new Set(days)]);
  } finally {
    await pool.end();
  }
  const total = series.reduce((sum, s) => sum + s.weight, 0);
  let cumulative = 0;
  const thresholds = series.map((s) => {
    const at = cumulative;
    cumulative += s.weight / total;
    return at;
  });
  const values = series
    .map((s, idx) => `(${idx + 1}, ${literal(s.apiId)}::uuid, ${literal(s.routeKey)}, ${uuidOrNull(s.appId)}, ${uuidOrNull(s.keyId)}, ${uuidOrNull(s.subscriptionId)}, ${uuidOrNull(s.planId)}, ${OUTCOME_STATUS[s.outcome]}, ${literal(s.outcome)}, ${s.meanMs}::float8, ${s.unitsPerCall}, ${s.bytesIn}, ${s.bytesOut})`)
    .join(',\n');
  const hash = (seed: number) => `((hashint8extended(g::bigint, ${seed}) & 4294967295)::float8 / 4294967296.0)`;
  const chunks = 8;
  for (const back of [2, 1]) {
    const dayStart = end.getTime() - back * DAY_MS;
    if (dayStart < start.getTime()) continue;
    for (let c = 0; c < chunks; c++) {
      const from = Math.floor((perDay * c) / chunks);
      const to = Math.floor((perDay * (c + 1)) / chunks);
      await db.$executeRawUnsafe(`
        INSERT INTO request_log ("batchId", id, time, "gatewayId", "apiId", "routeKey", "appId", "keyId", "subscriptionId", "planId",
                                 method, path, status, "latencyMs", "bytesIn", "bytesOut", units, "clientIp", count, outcome)
        SELECT 'bench-seed', 'bench-' || ${back} || '-' || g, ${literal(new Date(dayStart).toISOString())}::timestamp + (g::float8 * ${DAY_MS} / ${perDay}) * interval '1 millisecond',
               'bench', v.api, v.route, v.app, v.key, v.sub, v.plan, 'GET', '/bench/' || g, v.status,
               round((v.mean_ms * (0.2 + 1.6 * ${hash(3)}))::numeric, 3)::float8, v.bytes_in, v.bytes_out,
               CASE WHEN v.outcome = 'success' THEN v.units ELSE 0 END, '203.0.113.' || (g % 250), 1, v.outcome
          FROM generate_series(${from}, ${to - 1}) g
          JOIN (VALUES ${values}) AS v(k, api, route, app, key, sub, plan, status, outcome, mean_ms, units, bytes_in, bytes_out)
            ON v.k = width_bucket(${hash(4)}, ARRAY[${thresholds.join(', ')}]::float8[])`);
    }
    console.log(`  request log: ${fmt(perDay)} rows for the day before ${new Date(dayStart + DAY_MS).toISOString()}, ${fmt(ms(started) / 1000, 0)} s`);
  }
  await db.$executeRawUnsafe('ANALYZE request_log');
}

async function seedInfo(db: Db): Promise<SeedInfo | null> {
  const [row] = await db.$queryRawUnsafe<{ comment: string | null }[]>(`SELECT obj_description('usage_rollups'::regclass, 'pg_class') AS comment`);
  const match = /^tollgate-bench-dashboard (.*)$/.exec(row?.comment ?? '');
  if (!match) return null;
  const info = JSON.parse(match[1]!) as SeedInfo;
  return info.version === SEED_VERSION && info.requests === requested ? info : null;
}

// ---------------------------------------------------------------------------------------
// The queries: each dashboard question asked two ways, side by side. "before" is how it was
// answered before the analytics module (getUsageSummary and GROUP BY over the per-minute
// rollups); "after" is what the console and the portal run now (readAnalytics over the level
// the window calls for, and the request log explorer's listRequestLog over its day partitions).

interface Pair {
  name: string;
  before: (() => Promise<unknown>) | null;
  after: () => Promise<unknown>;
}

/** Time series as the old dashboards drew it: requests, errors and p95 per hour or day, from the minutes. */
async function minuteSeries(db: Db, unit: 'hour' | 'day', where: string, params: unknown[]) {
  const sums = Array.from({ length: LATENCY_BUCKET_COUNT }, (_, i) => `sum(r."latencyBuckets"[${i + 1}])`).join(', ');
  const rows = await db.$queryRawUnsafe<Array<{ at: Date; requests: bigint; errors: bigint; buckets: bigint[] }>>(
    `SELECT date_trunc('${unit}', r.minute) AS at, sum(r.count)::bigint AS requests, sum(r.errors)::bigint AS errors, ARRAY[${sums}]::bigint[] AS buckets
       FROM usage_rollups r WHERE ${where} GROUP BY 1 ORDER BY 1`,
    ...params,
  );
  return rows.map((row) => ({ at: row.at, requests: Number(row.requests), errors: Number(row.errors), p95: latencyQuantile(row.buckets.map(Number), 0.95) }));
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;

async function time(run: () => Promise<unknown>): Promise<{ median: number; p95: number }> {
  await run(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runCount; i++) {
    const started = performance.now();
    await run();
    times.push(ms(started));
  }
  times.sort((a, b) => a - b);
  return { median: quantile(times, 0.5), p95: quantile(times, 0.95) };
}

async function main(): Promise<void> {
  if (fresh) await dropDatabase(url).catch(() => {});
  await ensureDatabase(url);
  await applyMigrations(url);
  let db = createDb(url, { max: 2 });
  let info = await seedInfo(db);
  let seededNow = false;
  if (!info && ifSeeded) {
    await db.$disconnect();
    console.log(`summary: not measured: no ${fmt(requested)}-request seed yet (run \`npx tsx bench/dashboard-query.ts\` or a full \`npm run bench\` once; seeding takes about 15 minutes)`);
    return;
  }
  if (!info) {
    // A different or unfinished seed: start over from an empty database.
    await db.$disconnect();
    await dropDatabase(url).catch(() => {});
    await ensureDatabase(url);
    await applyMigrations(url);
    db = createDb(url, { max: 2 });
    const end = new Date(Math.floor(Date.now() / HOUR_MS) * HOUR_MS);
    console.log(`seeding ${fmt(requested)} requests as ${DAYS} days of per-minute rollups, their hourly and daily levels, and two days of request log (once; reused by later runs) ...`);
    info = await seed(db, end);
    seededNow = true;
  }
  const [size] = await db.$queryRawUnsafe<Array<Record<'minutes' | 'hours' | 'days' | 'log' | 'hourRows' | 'dayRows' | 'logRows', bigint>>>(
    `SELECT pg_total_relation_size('usage_rollups') AS minutes, pg_total_relation_size('usage_rollups_hourly') AS hours,
            pg_total_relation_size('usage_rollups_daily') AS days,
            (SELECT sum(pg_total_relation_size(inhrelid)) FROM pg_inherits WHERE inhparent = 'request_log'::regclass)::bigint AS log,
            (SELECT count(*) FROM usage_rollups_hourly) AS "hourRows", (SELECT count(*) FROM usage_rollups_daily) AS "dayRows",
            (SELECT count(*) FROM request_log) AS "logRows"`,
  );
  const end = new Date(info.end);
  const monthAgo = new Date(end.getTime() - DAYS * DAY_MS);
  const dayAgo = new Date(end.getTime() - DAY_MS);
  const weekAgo = new Date(end.getTime() - 7 * DAY_MS);
  const iso = (at: Date) => at.toISOString();
  const tx = db as unknown as Tx;

  const app = await db.app.findUniqueOrThrow({ where: { slug: appSlug(1) }, select: { id: true } });
  const admin = (filter: TAnalyticsFilter) => resolveAnalyticsFilter(tx, CLI_PRINCIPAL, filter);
  const dashboard = async (filter: TAnalyticsFilter, from: Date) => readAnalytics(tx, await admin(filter), analyticsWindow({ from: iso(from), to: iso(end) }, end));
  const appWhere = `r."appId" = $1 AND r.minute >= $2::timestamp AND r.minute < $3::timestamp`;
  const platformWhere = `r.minute >= $1::timestamp AND r.minute < $2::timestamp`;
  const pairs: Pair[] = [
    {
      name: `one app (${appSlug(1)}, the busiest), 30 days`,
      before: () => getUsageSummary(db, { appSlug: appSlug(1), from: monthAgo, to: end }),
      after: () => dashboard({ app: appSlug(1) }, monthAgo),
    },
    {
      name: 'one API (weather), last 24 h',
      before: () => getUsageSummary(db, { apiSlug: 'weather', from: dayAgo, to: end }),
      after: () => dashboard({ api: 'weather' }, dayAgo),
    },
    {
      name: 'one API (weather), 30 days',
      before: () => getUsageSummary(db, { apiSlug: 'weather', from: monthAgo, to: end }),
      after: () => dashboard({ api: 'weather' }, monthAgo),
    },
    {
      name: 'whole platform, 30 days',
      before: () => getUsageSummary(db, { from: monthAgo, to: end }),
      after: () => dashboard({}, monthAgo),
    },
    {
      name: 'whole platform, 7 days (by the hour)',
      before: () => getUsageSummary(db, { from: weekAgo, to: end }),
      after: () => dashboard({}, weekAgo),
    },
    {
      name: `hourly series, one app (${appSlug(1)}), 7 days`,
      before: () => minuteSeries(db, 'hour', appWhere, [app.id, iso(weekAgo), iso(end)]),
      after: () => dashboard({ app: appSlug(1) }, weekAgo),
    },
    {
      name: 'daily series, whole platform, 30 days',
      before: () => minuteSeries(db, 'day', platformWhere, [iso(monthAgo), iso(end)]),
      after: async () => readAnalytics(tx, await admin({}), analyticsWindow({ from: iso(monthAgo), to: iso(end), intervalMs: DAY_MS }, end)),
    },
    {
      name: `request log search, one app (${appSlug(1)}), one day, first page`,
      before: null,
      after: () => runOperation(db, CLI_PRINCIPAL, listRequestLog, { app: appSlug(1), from: iso(dayAgo), to: iso(end) }),
    },
    {
      name: `request log search, one app (${appSlug(3)}), one day, status 429`,
      before: null,
      after: () => runOperation(db, CLI_PRINCIPAL, listRequestLog, { app: appSlug(3), from: iso(dayAgo), to: iso(end), status: '429' }),
    },
  ];

  const results: Array<{ name: string; before: { median: number; p95: number } | null; after: { median: number; p95: number } }> = [];
  for (const pair of pairs) {
    const before = pair.before ? await time(pair.before) : null;
    const after = await time(pair.after);
    results.push({ name: pair.name, before, after });
    console.log(`  measured: ${pair.name}`);
  }

  const [{ total } = { total: 0n }] = await db.$queryRawUnsafe<{ total: bigint }[]>('SELECT sum(count)::bigint AS total FROM usage_rollups');
  const sized = size!;
  console.log(
    `\ndashboard-query: ${fmt(Number(total))} requests over ${DAYS} days (2 APIs, 7 routes, 20 apps, six outcomes): ` +
      `${fmt(info.rows)} per-minute rollup rows (${megabytes(Number(sized.minutes))}), ${fmt(Number(sized.hourRows))} hourly (${megabytes(Number(sized.hours))}), ` +
      `${fmt(Number(sized.dayRows))} daily (${megabytes(Number(sized.days))}); request log ${fmt(Number(sized.logRows))} rows in day partitions (${megabytes(Number(sized.log))}). Windows end at ${info.end}.`,
  );
  console.log(
    seededNow
      ? `seeded now in ${fmt(info.seedSeconds, 1)} s (ANALYZEd); later runs reuse it (--fresh reseeds)`
      : `seed reused (took ${fmt(info.seedSeconds, 1)} s when made; --fresh reseeds)`,
  );
  console.log(
    `\nmedian (p95) of ${runCount} runs after one warm-up. before: getUsageSummary or GROUP BY over the per-minute rollups; ` +
      `after: readAnalytics (the whole dashboard: series by outcome with percentiles, totals and the previous period, top APIs, routes, apps, teams, status classes) over the level the window calls for; ` +
      `the request log: listRequestLog over its day partitions\n`,
  );
  console.log('| query | before (ms) | after (ms) | after / before | target |\n| --- | ---: | ---: | ---: | --- |');
  for (const r of results) {
    const ratio = r.before ? `${fmt(r.after.median / r.before.median, 3)} x` : '';
    const verdict = r.after.median < TARGET_MS ? `under ${TARGET_MS} ms` : `OVER ${TARGET_MS} ms`;
    console.log(`| ${r.name} | ${r.before ? `${fmt(r.before.median, 1)} (${fmt(r.before.p95, 1)})` : '—'} | ${fmt(r.after.median, 1)} (${fmt(r.after.p95, 1)}) | ${ratio} | ${verdict} |`);
  }
  const over = results.filter((r) => r.after.median >= TARGET_MS);
  console.log(
    `\nsummary: ${fmt(Number(total))} requests: ` +
      results.map((r) => `${r.name} ${r.before ? `${fmt(r.before.median)} -> ` : ''}${fmt(r.after.median)} ms`).join('; ') +
      ` -> ${over.length === 0 ? `PASS (every query under ${TARGET_MS} ms)` : `FAIL (${over.length} over ${TARGET_MS} ms)`}`,
  );
  await db.$disconnect();
}

await main();
