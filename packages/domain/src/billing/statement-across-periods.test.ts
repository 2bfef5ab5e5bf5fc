// The statement maths over a period boundary, with route weights, a month-end anchor, a
// time zone and a clock that the test moves.
import { describe, expect, it } from 'vitest';
import { billingPeriodAt } from './billing-period';
import { manualClock } from './clock';
import { computeStatement, type StatementPlan, type UsageLine } from './compute-statement';

const plan: StatementPlan = { monthlyPriceCents: 2000, includedUnits: 50, overagePer1000Cents: 1000, hardStop: false, currency: 'eur' };
const weights: Record<string, number> = { 'GET /search': 1, 'POST /render': 10 };

interface Call {
  at: string;
  route: string;
}

/** Buckets calls into the billing period each happened in and sums them per route. */
function statementsFor(calls: Call[], anchor: Date, timeZone: string) {
  const periods = new Map<number, Map<string, UsageLine>>();
  for (const call of calls) {
    const period = billingPeriodAt(anchor, timeZone, new Date(call.at));
    const lines = periods.get(period.index) ?? new Map<string, UsageLine>();
    const line = lines.get(call.route) ?? { apiId: 'api', routeKey: call.route, weight: weights[call.route]!, requests: 0n, units: 0n };
    line.requests += 1n;
    line.units += BigInt(weights[call.route]!);
    lines.set(call.route, line);
    periods.set(period.index, lines);
  }
  return new Map([...periods].map(([index, lines]) => [index, computeStatement(plan, [...lines.values()])]));
}

describe('statements across a period boundary', () => {
  // Jan 31, 00:00 in Berlin. Period 0 ends on Feb 28, 00:00 Berlin (Feb 27, 23:00Z).
  const anchor = new Date('2026-01-30T23:00:00Z');
  const zone = 'Europe/Berlin';

  it('splits calls at the local boundary and prices each period on its own', () => {
    const clock = manualClock('2026-02-27T22:59:00Z');
    const calls: Call[] = [];
    const call = (route: string) => calls.push({ at: clock.now().toISOString(), route });
    for (let i = 0; i < 30; i += 1) call('GET /search'); // 30 units
    for (let i = 0; i < 3; i += 1) call('POST /render'); // 30 units -> 60 in period 0
    clock.advance(59_999); // 22:59:59.999Z: still period 0
    call('GET /search'); // 61
    clock.advance(1); // 23:00Z = midnight in Berlin: period 1
    call('POST /render'); // 10 in period 1
    call('GET /search'); // 11

    const statements = statementsFor(calls, anchor, zone);
    const first = statements.get(0)!;
    const second = statements.get(1)!;
    expect(first.usedUnits).toBe(61n);
    expect(first.overageUnits).toBe(11n);
    expect(first.overageCents).toBe(11n); // 11 units at 10.00 per 1000 = 11 cents
    expect(first.totalCents).toBe(2011n);
    expect(first.lineItems.map((item) => [item.routeKey, item.weight, item.requests, item.units])).toEqual([
      ['GET /search', 1, '31', '31'],
      ['POST /render', 10, '3', '30'],
    ]);
    expect(second.usedUnits).toBe(11n);
    expect(second.overageUnits).toBe(0n);
    expect(second.totalCents).toBe(2000n);
    // nothing lost or double counted over the boundary
    expect(first.usedUnits + second.usedUnits).toBe(72n);
  });

  it('in UTC the same calls fall differently: the boundary is the zone, not the server', () => {
    const utcAnchor = new Date('2026-01-31T00:00:00Z');
    const statements = statementsFor([{ at: '2026-02-27T23:30:00Z', route: 'POST /render' }], utcAnchor, 'UTC');
    expect([...statements.keys()]).toEqual([0]);
    const berlin = statementsFor([{ at: '2026-02-27T23:30:00Z', route: 'POST /render' }], anchor, zone);
    expect([...berlin.keys()]).toEqual([1]);
  });
});
