// The per-request metrics (requests by API, route and status; duration histogram by API
// and route) kept as plain numbers per route and turned into Prometheus series only when
// scraped. prom-client's labelled Counter/Histogram hash their label set on every
// increment, which the request path pays for on every call; here an increment is a map
// lookup and a few additions.
import type { MetricValue, MetricValueWithName, Registry } from 'prom-client';

/** Counters for one route, looked up once when the snapshot compiles. */
export interface RouteMetrics {
  observe(status: number, seconds: number): void;
}

class RouteSeries implements RouteMetrics {
  readonly byStatus = new Map<number, number>();
  readonly buckets: Float64Array;
  sum = 0;
  count = 0;

  constructor(
    readonly api: string,
    readonly route: string,
    private readonly bounds: readonly number[],
  ) {
    this.buckets = new Float64Array(bounds.length);
  }

  observe(status: number, seconds: number): void {
    this.byStatus.set(status, (this.byStatus.get(status) ?? 0) + 1);
    this.sum += seconds;
    this.count++;
    const bounds = this.bounds;
    for (let i = 0; i < bounds.length; i++) {
      if (seconds <= bounds[i]!) {
        this.buckets[i]!++;
        return;
      }
    }
  }
}

interface Names {
  readonly requests: string;
  readonly duration: string;
}

/**
 * Registers two metrics in `registry` (a counter and a histogram, in prom-client's
 * exposition and JSON formats, so the cluster aggregator sums them like any other).
 * `forRoute` returns the same series for the same API and route across snapshots.
 */
export class RouteRequestMetrics {
  readonly #series = new Map<string, RouteSeries>();

  constructor(
    registry: Registry,
    private readonly names: Names,
    private readonly bounds: readonly number[],
  ) {
    registry.registerMetric(metric(names.requests, 'Requests answered, by API, route and status.', 'counter', () => this.#requestValues()));
    registry.registerMetric(metric(names.duration, 'Time from receiving a request to the end of its response.', 'histogram', () => this.#durationValues()));
  }

  forRoute(api: string, route: string): RouteMetrics {
    const id = `${api}\n${route}`;
    let series = this.#series.get(id);
    if (series === undefined) this.#series.set(id, (series = new RouteSeries(api, route, this.bounds)));
    return series;
  }

  #requestValues(): MetricValue<string>[] {
    const values: MetricValue<string>[] = [];
    for (const series of this.#series.values()) {
      for (const [status, value] of series.byStatus) values.push({ value, labels: { api: series.api, route: series.route, status: String(status) } });
    }
    return values;
  }

  #durationValues(): MetricValueWithName<string>[] {
    const name = this.names.duration;
    const values: MetricValueWithName<string>[] = [];
    for (const series of this.#series.values()) {
      if (series.count === 0) continue;
      const labels = { api: series.api, route: series.route };
      let cumulative = 0;
      for (let i = 0; i < this.bounds.length; i++) {
        cumulative += series.buckets[i]!;
        values.push(bucket(name, this.bounds[i]!, cumulative, labels));
      }
      values.push(bucket(name, '+Inf', series.count, labels));
      values.push({ metricName: `${name}_sum`, value: series.sum, labels });
      values.push({ metricName: `${name}_count`, value: series.count, labels });
    }
    return values;
  }
}

/** A bucket line as prom-client writes it: `le` first, then the series' labels. */
function bucket(name: string, le: number | string, value: number, labels: Record<string, string>): MetricValueWithName<string> {
  return { metricName: `${name}_bucket`, value, labels: { le: String(le), ...labels } };
}

function metric(name: string, help: string, type: 'counter' | 'histogram', values: () => MetricValue<string>[]) {
  const get = async () => ({ name, help, type, values: values(), aggregator: 'sum' });
  // The registry only reads name, help, type and get(); the rest of prom-client's Metric is not needed.
  return { name, help, type, aggregator: 'sum', get } as unknown as Parameters<Registry['registerMetric']>[0];
}
