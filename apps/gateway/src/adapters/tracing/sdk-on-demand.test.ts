// A gateway without an OTLP endpoint never loads the OpenTelemetry SDK: the whole gateway
// (start-gateway and every stage) is imported in a fresh Node process and the packages in
// its module cache are listed, then again once a tracer has been created with an endpoint.
// (@opentelemetry/api alone is loaded either way: prom-client imports it.)
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = (file: string) => pathToFileURL(fileURLToPath(new URL(file, import.meta.url))).href;

const SCRIPT = `
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const packages = () => [...new Set(Object.keys(require.cache).map((file) => /node_modules\\/(@opentelemetry\\/[^/]+)/.exec(file)?.[1]).filter(Boolean))].sort();
await import(${JSON.stringify(here('../../start-gateway.ts'))});
const { parseGatewayEnv } = await import(${JSON.stringify(here('../../env.ts'))});
const { createLogger } = await import(${JSON.stringify(here('../../logger.ts'))});
const { createTracer } = await import(${JSON.stringify(here('./create-tracer.ts'))});
const log = createLogger(parseGatewayEnv({}, { DATABASE_URL: 'postgresql://db/x', LOG_LEVEL: 'silent' }));
const off = await createTracer(parseGatewayEnv({}, { DATABASE_URL: 'postgresql://db/x' }), log, '0');
const withoutEndpoint = packages();
const on = await createTracer(parseGatewayEnv({}, { DATABASE_URL: 'postgresql://db/x', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:9' }), log, '0');
await on.shutdown();
console.log(JSON.stringify({ off, withoutEndpoint, withEndpoint: packages() }));
`;

describe('the OpenTelemetry SDK', () => {
  it('is loaded only once a tracer is created for an endpoint', { timeout: 120_000 }, () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', SCRIPT], { encoding: 'utf8', timeout: 110_000 });
    expect(run.stderr).toBe('');
    const result = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as { off: null; withoutEndpoint: string[]; withEndpoint: string[] };
    expect(result.off).toBeNull();
    expect(result.withoutEndpoint.filter((name) => name !== '@opentelemetry/api')).toEqual([]);
    expect(result.withEndpoint).toEqual(expect.arrayContaining(['@opentelemetry/sdk-trace-base', '@opentelemetry/exporter-trace-otlp-http', '@opentelemetry/core']));
  });
});
