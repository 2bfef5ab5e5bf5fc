import { describe, expect, it } from 'vitest';
import { tracesUrl } from './adapters/tracing/create-tracer';
import { parseGatewayEnv } from './env';

describe('parseGatewayEnv', () => {
  it('fills the documented defaults and freezes the result', () => {
    const env = parseGatewayEnv({}, { DATABASE_URL: 'postgresql://db/x' });
    expect(env).toMatchObject({
      DATABASE_URL: 'postgresql://db/x',
      GATEWAY_PORT: 8080,
      GATEWAY_ADMIN_PORT: 9090,
      GATEWAY_HOST: '0.0.0.0',
      GATEWAY_ADMIN_HOST: '127.0.0.1',
      GATEWAY_SNAPSHOT_PATH: '.data/gateway-snapshot.bin',
      LOG_LEVEL: 'info',
    });
    expect(env.REDIS_URL).toBeUndefined();
    expect(Object.isFrozen(env)).toBe(true);
  });

  it('reads numbers from strings, treats empty values as unset, and lets overrides win', () => {
    const env = parseGatewayEnv({ GATEWAY_ADMIN_PORT: 0 }, { DATABASE_URL: 'postgresql://db/x', GATEWAY_PORT: '8181', GATEWAY_ADMIN_PORT: '9191', REDIS_URL: '' });
    expect(env).toMatchObject({ GATEWAY_PORT: 8181, GATEWAY_ADMIN_PORT: 0 });
    expect(env.REDIS_URL).toBeUndefined();
  });

  it('fails with one line naming each bad variable', () => {
    expect(() => parseGatewayEnv({}, { DATABASE_URL: 'postgresql://db/x', GATEWAY_PORT: 'eighty', LOG_LEVEL: 'loud' })).toThrow(/^invalid environment: GATEWAY_PORT: .*; LOG_LEVEL: /);
  });

  it('reads the portal origins as a comma-separated list of origins, and refuses what is not an http(s) URL', () => {
    const env = parseGatewayEnv({}, { DATABASE_URL: 'postgresql://db/x', GATEWAY_PORTAL_ORIGINS: 'https://portal.example.com/, http://127.0.0.1:3000' });
    expect(env.GATEWAY_PORTAL_ORIGINS).toEqual(['https://portal.example.com', 'http://127.0.0.1:3000']);
    expect(parseGatewayEnv({}, { DATABASE_URL: 'postgresql://db/x' }).GATEWAY_PORTAL_ORIGINS).toEqual([]);
    expect(() => parseGatewayEnv({}, { DATABASE_URL: 'postgresql://db/x', GATEWAY_PORTAL_ORIGINS: 'portal.example.com' })).toThrow(/GATEWAY_PORTAL_ORIGINS/);
  });

  it('reads GATEWAY_RATELIMIT_HEADERS as draft, legacy or both (the default), and refuses anything else', () => {
    expect(parseGatewayEnv({}, { DATABASE_URL: 'postgresql://db/x' }).GATEWAY_RATELIMIT_HEADERS).toBe('both');
    expect(parseGatewayEnv({}, { DATABASE_URL: 'postgresql://db/x', GATEWAY_RATELIMIT_HEADERS: 'draft' }).GATEWAY_RATELIMIT_HEADERS).toBe('draft');
    expect(parseGatewayEnv({}, { DATABASE_URL: 'postgresql://db/x', GATEWAY_RATELIMIT_HEADERS: '' }).GATEWAY_RATELIMIT_HEADERS).toBe('both');
    expect(() => parseGatewayEnv({}, { DATABASE_URL: 'postgresql://db/x', GATEWAY_RATELIMIT_HEADERS: 'draft-6' })).toThrow(/GATEWAY_RATELIMIT_HEADERS/);
  });

  it('reads the OpenTelemetry settings under their standard names; tracing is off without an endpoint', () => {
    const db = { DATABASE_URL: 'postgresql://db/x' };
    const off = parseGatewayEnv({}, db);
    expect(off).toMatchObject({ OTEL_SERVICE_NAME: 'tollgate-gateway', OTEL_TRACES_SAMPLER: 'parentbased_always_on', OTEL_TRACES_SAMPLER_ARG: 1, OTEL_BSP_SCHEDULE_DELAY: 5_000, OTEL_EXPORTER_OTLP_HEADERS: {} });
    expect(tracesUrl(off)).toBeNull();
    expect(tracesUrl(parseGatewayEnv({}, { ...db, OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' }))).toBe('http://collector:4318/v1/traces');
    expect(tracesUrl(parseGatewayEnv({}, { ...db, OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://traces.example.com/in' }))).toBe('https://traces.example.com/in');
    expect(tracesUrl(parseGatewayEnv({}, { ...db, OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_SDK_DISABLED: 'TRUE' }))).toBeNull();
    const on = parseGatewayEnv({}, { ...db, OTEL_EXPORTER_OTLP_HEADERS: 'api-key=s%20ecret, X-Tenant=acme', OTEL_TRACES_SAMPLER: 'parentbased_traceidratio', OTEL_TRACES_SAMPLER_ARG: '0.25' });
    expect(on).toMatchObject({ OTEL_EXPORTER_OTLP_HEADERS: { 'api-key': 's ecret', 'x-tenant': 'acme' }, OTEL_TRACES_SAMPLER: 'parentbased_traceidratio', OTEL_TRACES_SAMPLER_ARG: 0.25 });
  });

  it('refuses OpenTelemetry settings it cannot use, naming them and never echoing a header value', () => {
    const db = { DATABASE_URL: 'postgresql://db/x' };
    expect(() => parseGatewayEnv({}, { ...db, OTEL_TRACES_SAMPLER: 'jaeger_remote' })).toThrow(/OTEL_TRACES_SAMPLER/);
    expect(() => parseGatewayEnv({}, { ...db, OTEL_TRACES_SAMPLER_ARG: '2' })).toThrow(/OTEL_TRACES_SAMPLER_ARG/);
    expect(() => parseGatewayEnv({}, { ...db, OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' })).toThrow(/OTEL_EXPORTER_OTLP_ENDPOINT/);
    expect(() => parseGatewayEnv({}, { ...db, OTEL_EXPORTER_OTLP_HEADERS: 'token=%E0%A4%A' })).toThrow(/OTEL_EXPORTER_OTLP_HEADERS/);
    const problem = (() => {
      try {
        parseGatewayEnv({}, { ...db, OTEL_EXPORTER_OTLP_HEADERS: 'a=1,topsecret' });
        return '';
      } catch (error) {
        return String(error);
      }
    })();
    expect(problem).toMatch(/OTEL_EXPORTER_OTLP_HEADERS: entry 2 /);
    expect(problem).not.toContain('topsecret');
  });
});
