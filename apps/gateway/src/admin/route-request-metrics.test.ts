import { AggregatorRegistry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { GatewayMetrics } from './gateway-metrics';

describe('route request metrics', () => {
  it('counts requests by status and fills the duration histogram, one series per API and route across snapshots', async () => {
    const metrics = new GatewayMetrics();
    metrics.forRoute('weather', 'GET /x').observe(200, 0.003);
    metrics.forRoute('weather', 'GET /x').observe(200, 0.02);
    metrics.forRoute('weather', 'GET /x').observe(404, 40);
    metrics.forRoute('maps', 'GET /y').observe(502, 0.001);
    const text = await metrics.registry.metrics();
    expect(text).toContain('tollgate_gateway_requests_total{api="weather",route="GET /x",status="200"} 2');
    expect(text).toContain('tollgate_gateway_requests_total{api="weather",route="GET /x",status="404"} 1');
    expect(text).toContain('tollgate_gateway_requests_total{api="maps",route="GET /y",status="502"} 1');
    expect(text).toContain('tollgate_gateway_request_duration_seconds_bucket{le="0.001",api="weather",route="GET /x"} 0');
    expect(text).toContain('tollgate_gateway_request_duration_seconds_bucket{le="0.005",api="weather",route="GET /x"} 1');
    expect(text).toContain('tollgate_gateway_request_duration_seconds_bucket{le="0.025",api="weather",route="GET /x"} 2');
    expect(text).toContain('tollgate_gateway_request_duration_seconds_bucket{le="30",api="weather",route="GET /x"} 2');
    expect(text).toContain('tollgate_gateway_request_duration_seconds_bucket{le="+Inf",api="weather",route="GET /x"} 3');
    expect(text).toContain('tollgate_gateway_request_duration_seconds_count{api="weather",route="GET /x"} 3');
    expect(text).toMatch(/tollgate_gateway_request_duration_seconds_sum\{api="weather",route="GET \/x"\} 40\.02\d*/);
    expect(text).toContain('tollgate_gateway_request_duration_seconds_bucket{le="0.001",api="maps",route="GET /y"} 1');
  });

  it('sums workers in the cluster aggregator while each keeps its worker label', async () => {
    const one = new GatewayMetrics({ worker: 1 });
    const two = new GatewayMetrics({ worker: 2 });
    one.forRoute('weather', 'GET /x').observe(200, 0.003);
    two.forRoute('weather', 'GET /x').observe(200, 0.003);
    two.forRoute('weather', 'GET /x').observe(200, 0.003);
    const merged = AggregatorRegistry.aggregate([await one.registry.getMetricsAsJSON(), await two.registry.getMetricsAsJSON()]);
    const text = await merged.metrics();
    expect(text).toContain('tollgate_gateway_requests_total{api="weather",route="GET /x",status="200",worker="1"} 1');
    expect(text).toContain('tollgate_gateway_requests_total{api="weather",route="GET /x",status="200",worker="2"} 2');
    expect(text).toContain('tollgate_gateway_request_duration_seconds_count{api="weather",route="GET /x",worker="2"} 2');
  });
});
