import { describe, expect, it } from 'vitest';
import { allocateProportionally, computeStatement, divideRoundHalfUp, type StatementPlan, type UsageLine } from './compute-statement';

const plan: StatementPlan = { monthlyPriceCents: 4900, includedUnits: 1000, overagePer1000Cents: 250, hardStop: false, currency: 'usd' };

function line(routeKey: string, weight: number, requests: number): UsageLine {
  return { apiId: 'api-1', apiSlug: 'weather', routeKey, weight, requests: BigInt(requests), units: BigInt(weight * requests) };
}

describe('computeStatement', () => {
  it('counts units by route weight and bills overage above the included units', () => {
    const statement = computeStatement(plan, [line('GET /forecast/{city}', 1, 700), line('POST /bulk', 5, 100)]);
    expect(statement.usedUnits).toBe(1200n);
    expect(statement.includedUnits).toBe(1000n);
    expect(statement.overageUnits).toBe(200n);
    expect(statement.baseCents).toBe(4900n);
    expect(statement.overageCents).toBe(50n); // 200 * 250 / 1000
    expect(statement.totalCents).toBe(4950n);
    expect(statement.lineItems.map((item) => [item.routeKey, item.weight, item.requests, item.units])).toEqual([
      ['GET /forecast/{city}', 1, '700', '700'],
      ['POST /bulk', 5, '100', '500'],
    ]);
  });

  it('under the included units: base price only', () => {
    const statement = computeStatement(plan, [line('GET /a', 2, 400)]);
    expect(statement.overageUnits).toBe(0n);
    expect(statement.totalCents).toBe(4900n);
  });

  it('hard stop: nothing above the included units is charged', () => {
    const statement = computeStatement({ ...plan, hardStop: true }, [line('GET /a', 1, 1500)]);
    expect(statement.overageUnits).toBe(0n);
    expect(statement.unbilledUnits).toBe(500n);
    expect(statement.overageCents).toBe(0n);
    expect(statement.totalCents).toBe(4900n);
  });

  it('no included units: every unit is overage', () => {
    const statement = computeStatement({ ...plan, includedUnits: null }, [line('GET /a', 1, 10)]);
    expect(statement.overageUnits).toBe(10n);
    expect(statement.overageCents).toBe(3n); // 2.5 rounds half up
  });

  it('rounds half up once on the total, and line items add up to it exactly', () => {
    const lines = [line('GET /a', 1, 1001), line('GET /b', 1, 1001), line('GET /c', 1, 1001)];
    const statement = computeStatement({ ...plan, includedUnits: 0, overagePer1000Cents: 1 }, lines);
    expect(statement.overageCents).toBe(3n); // 3003 / 1000 = 3.003
    const shares = statement.lineItems.map((item) => BigInt(item.overageCents));
    expect(shares.reduce((a, b) => a + b, 0n)).toBe(3n);
    expect(shares).toEqual([1n, 1n, 1n]);
  });

  it('no usage: empty line items and the base price', () => {
    const statement = computeStatement(plan, []);
    expect(statement.lineItems).toEqual([]);
    expect(statement.totalCents).toBe(4900n);
  });
});

describe('integer helpers', () => {
  it('divideRoundHalfUp', () => {
    expect(divideRoundHalfUp(2499n, 1000n)).toBe(2n);
    expect(divideRoundHalfUp(2500n, 1000n)).toBe(3n);
    expect(divideRoundHalfUp(0n, 1000n)).toBe(0n);
  });

  it('allocateProportionally keeps the total and favours the largest remainders', () => {
    expect(allocateProportionally(10n, [1n, 1n, 1n])).toEqual([4n, 3n, 3n]);
    expect(allocateProportionally(100n, [1n, 3n])).toEqual([25n, 75n]);
    expect(allocateProportionally(7n, [0n, 0n])).toEqual([0n, 0n]);
    const parts = allocateProportionally(999_999n, [123n, 456n, 789n, 1n]);
    expect(parts.reduce((a, b) => a + b, 0n)).toBe(999_999n);
  });
});
