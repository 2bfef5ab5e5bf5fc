import type { TGatewayInstance } from '@tollgate/contracts';
import { describe, expect, it } from 'vitest';
import { upstreamHealth } from './upstream-health';

const target = (api: string, url: string, healthy: boolean, breaker = 'closed') => ({ api, url, healthy, ejectedUntil: null, inFlight: 0, breaker });
const gateway = (hostname: string, targets: unknown[], lagReason: TGatewayInstance['lagReason'] = null): TGatewayInstance => ({
  id: hostname,
  hostname,
  version: 'test',
  configRevision: '1',
  currentRevision: '1',
  startedAt: '2026-12-06T00:00:00.000Z',
  lastSeenAt: '2026-12-06T00:00:00.000Z',
  lagging: lagReason !== null,
  lagReason,
  status: { targets },
});

describe('upstreamHealth', () => {
  const gateways = [
    gateway('gw-1', [target('weather', 'http://a', true), target('maps', 'http://m', false)]),
    gateway('gw-2', [target('weather', 'http://a', true, 'open'), target('maps', 'http://m', true), { api: 'broken' }]),
    gateway('gw-silent', [target('weather', 'http://a', false)], 'no_heartbeat'),
  ];

  it('counts each target across the live gateways, unhealthy where its check fails, it is ejected or its circuit is open', () => {
    expect(upstreamHealth(gateways)).toEqual({
      gateways: 2,
      targets: [
        { api: 'maps', url: 'http://m', reporting: 2, unhealthyOn: ['gw-1'] },
        { api: 'weather', url: 'http://a', reporting: 2, unhealthyOn: ['gw-2'] },
      ],
    });
  });

  it('narrows to one API, and leaves out what a silent gateway last said', () => {
    expect(upstreamHealth(gateways, 'maps').targets).toEqual([{ api: 'maps', url: 'http://m', reporting: 2, unhealthyOn: ['gw-1'] }]);
    expect(upstreamHealth([gateways[2]!])).toEqual({ gateways: 0, targets: [] });
  });
});
