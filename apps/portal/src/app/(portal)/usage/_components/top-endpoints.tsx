import type { UsageEndpoint } from '@tollgate/operations';
import { Table, Td } from '@/components/table';
import { formatLatency } from '@/components/usage/format-latency';

const number = new Intl.NumberFormat('en-US');

export function TopEndpoints({ endpoints }: { endpoints: UsageEndpoint[] }) {
  return (
    <section aria-labelledby="top-endpoints" className="grid gap-3">
      <h2 id="top-endpoints" className="text-sm font-semibold text-foreground">
        Top endpoints
      </h2>
      <Table head={['API', 'Route', 'Requests', 'Errors', 'p95']} caption="Top endpoints">
        {endpoints.map((endpoint) => (
          <tr key={`${endpoint.api} ${endpoint.route}`}>
            <Td>{endpoint.api}</Td>
            <Td mono>{endpoint.route}</Td>
            <Td>{number.format(endpoint.requests)}</Td>
            <Td>{number.format(endpoint.errors)}</Td>
            <Td>{formatLatency(endpoint.latencyMs.p95)}</Td>
          </tr>
        ))}
      </Table>
    </section>
  );
}
