// Dashboard query time at scale: the usage summaries and time series the console and
// `tollgate usage` run, over 30 days of per-minute rollups that count 100 million requests.
//
//   npx tsx bench/dashboard-query.ts [--requests 100000000] [--runs 5] [--fresh | --if-seeded]
//
// Uses DATABASE_URL's server (default postgresql://postgres@127.0.0.1:5432) and a
// database of its own, `tollgate_bench_dashboard_<requests>`, seeded once and reused while the seed
// matches (--fresh reseeds). The dashboards read usage_rollups, never the raw request
// log, so "N requests" means rollups whose counts add up to exactly N; no dashboard query
// reads request_log, so none is seeded.
import { ZConfigFile } from '@tollgate/contracts';
import { applyConfig, createApiKey, createDb, getUsageSummary, type Db, type RollupRow } from '@tollgate/db';
import { applyMigrations, dropDatabase, ensureDatabase } from '@tollgate/db/migrate';
import { LATENCY_BUCKET_BOUNDS_MS, LATENCY_BUCKET_COUNT, latencyQuantile } from '@tollgate/domain';

const args = process.argv.slice(2);
const flag = (name: string) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && Number(args[at + 1]) > 0 ? Math.floor(Number(args[at + 1])) : undefined;
};
const requested = flag('requests') ?? 100_000_000;
const runCount = flag('runs') ?? 5;
const fresh = args.includes('--fresh');
/** Quick benchmark runs: measure only when the seed is already there, never spend minutes seeding. */
const ifSeeded = args.includes('--if-seeded');
const server = new URL(process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres');
// One database per size, so quick and full runs each keep their own seed.
server.pathname = `/tollgate_bench_dashboard_${requested}`;
const url = server.toString();

/** Bumped whenever the seed's shape changes, so an older seed is not reused. */
const SEED_VERSION = 1;
const DAYS = 30;
const MINUTES = DAYS * 1440;
const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

const ms = (start: number) => performance.now() - start;
const fmt = (value: number, digits = 0) => value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const megabytes = (bytes: number) => (bytes >= 1e9 ? `${fmt(bytes / 1e9, 2)} GB` : `${fmt(bytes / 1e6, 0)} MB`);
const compact = (value: number) => (value >= 1e6 ? `${fmt(value / 1e6, 1)}M` : value >= 1e3 ? `${fmt(value / 1e3, 1)}k` : fmt(value));

// ---------------------------------------------------------------------------------------
// The platform: two APIs, three plans, 20 apps of very different sizes, one key each.

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
interface Series extends Pick<RollupRow, 'apiId' | 'routeKey' | 'appId' | 'keyId' | 'planId' | 'subscriptionId' | 'statusClass'> {
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
  for (let i = 1; i <= APP_COUNT; i++) {
    const app = apps.find((x) => x.slug === appSlug(i))!;
    const keyId = app.keys[0]?.id ?? (await createApiKey(db, { appSlug: app.slug })).id;
    for (const [apiSlug, apiShare] of appApis(i)) {
      const api = apis.find((x) => x.slug === apiSlug)!;
      const subscription = app.subscriptions.find((x) => x.apiId === api.id)!;
      for (const route of APIS[apiSlug].routes) {
        const routeKey = api.routes.find((x) => x.path === route.path)!.key;
        const base = ((appWeights[i - 1]! / totalAppWeight) * apiShare * route.share);
        const classes: Array<[number, number, Series['cdf']]> = [
          [2, 1 - route.clientErrors - 0.01, LATENCY_CDF[route.latency]],
          [4, route.clientErrors, LATENCY_CDF.client],
          [5, 0.01, LATENCY_CDF.server],
        ];
        for (const [statusClass, share, cdf] of classes) {
          series.push({
            apiId: api.id,
            routeKey,
            appId: app.id,
            keyId,
            planId: subscription.planId,
            subscriptionId: subscription.id,
            statusClass,
            weight: base * share,
            unitsPerCall: route.weight,
            bytesIn: route.bytesIn,
            bytesOut: statusClass === 2 ? route.bytesOut : 180,
            meanMs: meanLatency(cdf),
            cdf,
            incident: apiSlug === 'payments' && statusClass === 5,
          });
        }
      }
    }
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

function seriesValues(series: Series[]): string {
  return series
    .map(
      (s, idx) =>
        `(${idx}, ${literal(s.apiId)}::uuid, ${literal(s.routeKey)}, ${literal(s.appId)}, ${literal(s.keyId)}, ${literal(s.planId)}, ${literal(s.subscriptionId)}, ` +
        `${s.statusClass}, ${s.weight}::float8, ${s.unitsPerCall}, ${s.bytesIn}, ${s.bytesOut}, ${s.meanMs}::float8, ARRAY[${s.cdf.join(', ')}]::float8[], ${s.incident})`,
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
                      AS v(idx, api_id, route_key, app_id, key_id, plan_id, subscription_id, status_class, w, units_per_call, bytes_in, bytes_out, mean_ms, cdf, incident)
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
    INSERT INTO usage_rollups (minute, "apiId", "routeKey", "appId", "keyId", "planId", "subscriptionId", "statusClass",
                               count, units, errors, "bytesIn", "bytesOut", "latencySumMs", "latencyBuckets")
    SELECT ${literal(start.toISOString())}::timestamp + m * interval '1 minute', api_id, route_key, app_id, key_id, plan_id, subscription_id, status_class,
           n, n * units_per_call, CASE WHEN status_class >= 4 THEN n ELSE 0 END,
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
  const [check] = await db.$queryRawUnsafe<{ rows: bigint; total: bigint }[]>('SELECT count(*) AS rows, sum(count)::bigint AS total FROM usage_rollups');
  if (Number(check!.total) !== requested) throw new Error(`seeded ${check!.total} requests, not ${requested}`);
  const info: SeedInfo = { version: SEED_VERSION, requests: requested, end: end.toISOString(), rows: Number(check!.rows), seedSeconds: ms(started) / 1000 };
  await db.$executeRawUnsafe(`COMMENT ON TABLE usage_rollups IS ${literal(`tollgate-bench-dashboard ${JSON.stringify(info)}`)}`);
  return info;
}

async function seedInfo(db: Db): Promise<SeedInfo | null> {
  const [row] = await db.$queryRawUnsafe<{ comment: string | null }[]>(`SELECT obj_description('usage_rollups'::regclass, 'pg_class') AS comment`);
  const match = /^tollgate-bench-dashboard (.*)$/.exec(row?.comment ?? '');
  if (!match) return null;
  const info = JSON.parse(match[1]!) as SeedInfo;
  return info.version === SEED_VERSION && info.requests === requested ? info : null;
}

// ---------------------------------------------------------------------------------------
// The queries.

interface Query {
  name: string;
  /** Rollup rows the filter selects (what the query has to read). */
  filter: { where: string; params: unknown[] };
  run(): Promise<number>;
}

/** Time series as a dashboard draws it: requests, errors and p95 per hour or day, summed buckets in SQL. */
async function series(db: Db, unit: 'hour' | 'day', where: string, params: unknown[]) {
  const sums = Array.from({ length: LATENCY_BUCKET_COUNT }, (_, i) => `sum(r."latencyBuckets"[${i + 1}])`).join(', ');
  const rows = await db.$queryRawUnsafe<Array<{ at: Date; requests: bigint; errors: bigint; buckets: bigint[] }>>(
    `SELECT date_trunc('${unit}', r.minute) AS at, sum(r.count)::bigint AS requests, sum(r.errors)::bigint AS errors, ARRAY[${sums}]::bigint[] AS buckets
       FROM usage_rollups r WHERE ${where} GROUP BY 1 ORDER BY 1`,
    ...params,
  );
  return rows.map((row) => ({ at: row.at, requests: Number(row.requests), errors: Number(row.errors), p95: latencyQuantile(row.buckets.map(Number), 0.95) }));
}

/** The scan nodes on usage_rollups in a plain EXPLAIN of the filter's aggregate. */
async function accessPath(db: Db, where: string, params: unknown[]): Promise<string> {
  const [row] = await db.$queryRawUnsafe<Array<{ 'QUERY PLAN': unknown }>>(
    `EXPLAIN (FORMAT JSON) SELECT r."routeKey", r."statusClass", sum(r.count) FROM usage_rollups r ${where ? `WHERE ${where}` : ''} GROUP BY 1, 2`,
    ...params,
  );
  const scans: string[] = [];
  const walk = (node: Record<string, unknown>) => {
    if (node['Relation Name'] === 'usage_rollups') scans.push(node['Index Name'] ? `${String(node['Node Type'])} on ${String(node['Index Name'])}` : String(node['Node Type']));
    for (const child of (node.Plans as Record<string, unknown>[] | undefined) ?? []) walk(child);
  };
  const plan = row!['QUERY PLAN'];
  walk(((typeof plan === 'string' ? JSON.parse(plan) : plan) as Array<{ Plan: Record<string, unknown> }>)[0]!.Plan);
  return [...new Set(scans)].join(', ') || 'no scan of usage_rollups';
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;

async function main(): Promise<void> {
  if (fresh) await dropDatabase(url).catch(() => {});
  await ensureDatabase(url);
  await applyMigrations(url);
  let db = createDb(url, { max: 2 });
  let info = await seedInfo(db);
  let seededNow = false;
  if (!info && ifSeeded) {
    await db.$disconnect();
    console.log(`summary: not measured: no ${fmt(requested)}-request seed yet (run \`npx tsx bench/dashboard-query.ts\` or a full \`npm run bench\` once; seeding takes about 5 minutes)`);
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
    console.log(`seeding ${fmt(requested)} requests as ${DAYS} days of per-minute rollups (once; reused by later runs) ...`);
    info = await seed(db, end);
    seededNow = true;
  }
  const [size] = await db.$queryRawUnsafe<{ total: bigint; heap: bigint }[]>(
    `SELECT pg_total_relation_size('usage_rollups') AS total, pg_relation_size('usage_rollups') AS heap`,
  );
  const end = new Date(info.end);
  const monthAgo = new Date(end.getTime() - DAYS * DAY_MS);
  const dayAgo = new Date(end.getTime() - DAY_MS);
  const weekAgo = new Date(end.getTime() - 7 * DAY_MS);

  const app = await db.app.findUniqueOrThrow({ where: { slug: appSlug(1) }, select: { id: true } });
  const api = await db.api.findUniqueOrThrow({ where: { slug: 'weather' }, select: { id: true } });
  const range = (from: Date) => [from.toISOString(), end.toISOString()];
  const queries: Query[] = [
    {
      name: `usage summary, one app (${appSlug(1)}, the busiest), 30 days`,
      filter: { where: `r."appId" = $1 AND r.minute >= $2::timestamp AND r.minute < $3::timestamp`, params: [app.id, ...range(monthAgo)] },
      run: async () => (await getUsageSummary(db, { appSlug: appSlug(1), from: monthAgo, to: end })).byRoute.length,
    },
    {
      name: 'usage summary, one API (weather), last 24 h',
      filter: { where: `r."apiId" = $1::uuid AND r.minute >= $2::timestamp AND r.minute < $3::timestamp`, params: [api.id, ...range(dayAgo)] },
      run: async () => (await getUsageSummary(db, { apiSlug: 'weather', from: dayAgo, to: end })).byRoute.length,
    },
    {
      name: 'usage summary, whole platform, 30 days (no filter)',
      filter: { where: '', params: [] },
      run: async () => (await getUsageSummary(db)).byRoute.length,
    },
    {
      name: `hourly series (requests, errors, p95), one app (${appSlug(1)}), 7 days`,
      filter: { where: `r."appId" = $1 AND r.minute >= $2::timestamp AND r.minute < $3::timestamp`, params: [app.id, ...range(weekAgo)] },
      run: async () => (await series(db, 'hour', `r."appId" = $1 AND r.minute >= $2::timestamp AND r.minute < $3::timestamp`, [app.id, ...range(weekAgo)])).length,
    },
    {
      name: 'daily series (requests, errors, p95), whole platform, 30 days',
      filter: { where: `r.minute >= $1::timestamp AND r.minute < $2::timestamp`, params: range(monthAgo) },
      run: async () => (await series(db, 'day', `r.minute >= $1::timestamp AND r.minute < $2::timestamp`, range(monthAgo))).length,
    },
  ];

  const results: Array<{ name: string; read: number; returned: number; median: number; p95: number; path: string }> = [];
  for (const query of queries) {
    const { where, params } = query.filter;
    const [selected] = await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM usage_rollups r ${where ? `WHERE ${where}` : ''}`, ...params);
    let returned = await query.run(); // warm-up
    const times: number[] = [];
    for (let i = 0; i < runCount; i++) {
      const started = performance.now();
      returned = await query.run();
      times.push(ms(started));
    }
    times.sort((a, b) => a - b);
    results.push({ name: query.name, read: Number(selected!.n), returned, median: quantile(times, 0.5), p95: quantile(times, 0.95), path: await accessPath(db, where, params) });
  }

  const [{ total } = { total: 0n }] = await db.$queryRawUnsafe<{ total: bigint }[]>('SELECT sum(count)::bigint AS total FROM usage_rollups');
  console.log(
    `\ndashboard-query: ${fmt(Number(total))} requests counted in ${fmt(info.rows)} per-minute rollup rows (${DAYS} days, 2 APIs, 7 routes, 20 apps, 2xx/4xx/5xx), ` +
      `usage_rollups ${megabytes(Number(size!.total))} with indexes (${megabytes(Number(size!.heap))} heap)`,
  );
  console.log(
    `The dashboards and \`tollgate usage\` read usage_rollups only, never request_log, so the 100 million requests are rollups that count them; request_log is not seeded. ` +
      `Windows end at ${info.end} (the end of the seeded minutes).`,
  );
  console.log(
    seededNow
      ? `seeded now in ${fmt(info.seedSeconds, 1)} s (ANALYZEd); later runs reuse it (--fresh reseeds)`
      : `seed reused (took ${fmt(info.seedSeconds, 1)} s when made; --fresh reseeds)`,
  );
  console.log(`\nmedian and p95 of ${runCount} runs after one warm-up; "rollup rows read" is what the filter selects, "rows returned" the route x status groups or series points\n`);
  console.log('| query | rollup rows read | rows returned | median (ms) | p95 (ms) | access path (EXPLAIN) |\n| --- | ---: | ---: | ---: | ---: | --- |');
  for (const r of results) console.log(`| ${r.name} | ${fmt(r.read)} | ${fmt(r.returned)} | ${fmt(r.median, 1)} | ${fmt(r.p95, 1)} | ${r.path} |`);
  const slow = results.filter((r) => r.median > 500);
  if (slow.length > 0) {
    console.log('');
    for (const r of slow) {
      const share = r.read / info.rows;
      console.log(
        share > 0.5
          ? `slow: ${r.name} (${fmt(r.median)} ms) reads ${fmt(share * 100)} % of all rollup rows (${r.path}); no index avoids that, only a coarser (hourly or daily) rollup would.`
          : `slow: ${r.name} (${fmt(r.median)} ms) reads ${fmt(share * 100, 1)} % of the rollup rows through ${r.path}: one app's minutes are spread over most heap pages, so the planner prefers a scan to the (appId, minute) index; a coarser (hourly) rollup would read about 60 times fewer rows.`,
      );
    }
  }
  const short = ['app 30 days', 'API 24 h', 'platform 30 days', 'app hourly 7 days', 'platform daily 30 days'];
  console.log(
    `\nsummary: ${fmt(Number(total))} requests in ${compact(info.rows)} rollup rows (${megabytes(Number(size!.total))}): ` +
      results.map((r, i) => `${short[i]} ${fmt(r.median)} ms`).join(', ') +
      ` (median of ${runCount}; seed ${seededNow ? '' : 'reused, '}${fmt(info.seedSeconds)} s)`,
  );
  await db.$disconnect();
}

await main();
