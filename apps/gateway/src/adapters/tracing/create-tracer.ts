import type { Logger } from 'pino';
import type { GatewayEnv } from '../../env';
import type { OtelSettings } from './otel-tracer';
import type { RequestTracer } from './request-tracer';

/**
 * The OTLP/HTTP traces URL the environment asks for, or null when tracing is off:
 * OTEL_EXPORTER_OTLP_TRACES_ENDPOINT as given, else OTEL_EXPORTER_OTLP_ENDPOINT with
 * `/v1/traces` appended (the OpenTelemetry convention); none when OTEL_SDK_DISABLED.
 */
export function tracesUrl(env: GatewayEnv): string | null {
  if (env.OTEL_SDK_DISABLED) return null;
  if (env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT !== undefined) return env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
  if (env.OTEL_EXPORTER_OTLP_ENDPOINT === undefined) return null;
  return `${env.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/+$/, '')}/v1/traces`;
}

/**
 * The request tracer, or null when tracing is off. The SDK is imported here, on demand:
 * a gateway without an OTLP endpoint never loads it.
 */
export async function createTracer(env: GatewayEnv, log: Logger, serviceVersion: string): Promise<RequestTracer | null> {
  const url = tracesUrl(env);
  if (url === null) return null;
  const settings: OtelSettings = {
    url,
    headers: env.OTEL_EXPORTER_OTLP_HEADERS,
    serviceName: env.OTEL_SERVICE_NAME,
    serviceVersion,
    sampler: env.OTEL_TRACES_SAMPLER,
    samplerRatio: env.OTEL_TRACES_SAMPLER_ARG,
    scheduledDelayMillis: env.OTEL_BSP_SCHEDULE_DELAY,
    maxQueueSize: env.OTEL_BSP_MAX_QUEUE_SIZE,
  };
  const { createOtelTracer } = await import('./otel-tracer');
  log.info({ url, sampler: settings.sampler, serviceName: settings.serviceName }, 'exporting a span per request over OTLP/HTTP');
  return createOtelTracer(settings);
}
