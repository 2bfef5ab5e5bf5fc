// Statement maths. All amounts are integer cents held in bigint; nothing is a float.
//
// Rounding rule: overage is priced once, on the statement's total overage units:
//   overageCents = round_half_up(overageUnits * overagePer1000Cents / 1000)
// and then shared out over the line items in proportion to their units with the
// largest-remainder method, so line items always add up to the statement exactly.

export interface StatementPlan {
  monthlyPriceCents: number;
  /** Units the monthly price covers; null means none (every unit is overage). */
  includedUnits: number | null;
  overagePer1000Cents: number;
  /** The gateway stops at the quota instead of billing overage: overage is never charged. */
  hardStop: boolean;
  currency: string;
}

export interface UsageLine {
  apiId: string;
  /** The API's slug, for people reading the statement. */
  apiSlug?: string | null;
  routeKey: string;
  /** Units per call on this route (the route weight); null when calls had mixed weights. */
  weight: number | null;
  requests: bigint;
  units: bigint;
}

export interface StatementLineItem {
  apiId: string;
  apiSlug: string | null;
  routeKey: string;
  weight: number | null;
  requests: string;
  units: string;
  /** This line's share of the statement's overage amount. */
  overageCents: string;
}

export interface StatementAmounts {
  currency: string;
  includedUnits: bigint;
  usedUnits: bigint;
  overageUnits: bigint;
  /** Units above the included ones that a hard-stop plan does not charge. */
  unbilledUnits: bigint;
  baseCents: bigint;
  overageCents: bigint;
  totalCents: bigint;
  lineItems: StatementLineItem[];
}

/** A statement's amounts as JSON carries them: bigint units and cents as decimal strings. */
export interface StatementAmountsJson {
  currency: string;
  includedUnits: string;
  usedUnits: string;
  overageUnits: string;
  baseCents: string;
  overageCents: string;
  totalCents: string;
  lineItems: StatementLineItem[];
}

/** The one way statements, estimates and webhook events write amounts (no bigint in JSON). */
export function statementAmountsJson(amounts: StatementAmounts): StatementAmountsJson {
  return {
    currency: amounts.currency,
    includedUnits: amounts.includedUnits.toString(),
    usedUnits: amounts.usedUnits.toString(),
    overageUnits: amounts.overageUnits.toString(),
    baseCents: amounts.baseCents.toString(),
    overageCents: amounts.overageCents.toString(),
    totalCents: amounts.totalCents.toString(),
    lineItems: amounts.lineItems,
  };
}

/** round_half_up(numerator / denominator) for non-negative bigints. */
export function divideRoundHalfUp(numerator: bigint, denominator: bigint): bigint {
  return (numerator * 2n + denominator) / (denominator * 2n);
}

/** Splits `total` over `weights` in proportion, largest remainder first; the parts add up to `total`. */
export function allocateProportionally(total: bigint, weights: bigint[]): bigint[] {
  const sum = weights.reduce((acc, weight) => acc + weight, 0n);
  if (sum === 0n || total === 0n) return weights.map(() => 0n);
  const shares = weights.map((weight) => (total * weight) / sum);
  const remainders = weights.map((weight, index) => ({ index, remainder: (total * weight) % sum }));
  let left = total - shares.reduce((acc, share) => acc + share, 0n);
  remainders.sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  for (const { index } of remainders) {
    if (left === 0n) break;
    shares[index]! += 1n;
    left -= 1n;
  }
  return shares;
}

function compareLines(a: UsageLine, b: UsageLine): number {
  return a.apiId.localeCompare(b.apiId) || a.routeKey.localeCompare(b.routeKey) || (a.weight ?? -1) - (b.weight ?? -1);
}

export function computeStatement(plan: StatementPlan, usage: UsageLine[]): StatementAmounts {
  const lines = [...usage].sort(compareLines);
  const includedUnits = BigInt(plan.includedUnits ?? 0);
  const usedUnits = lines.reduce((acc, line) => acc + line.units, 0n);
  const above = usedUnits > includedUnits ? usedUnits - includedUnits : 0n;
  const overageUnits = plan.hardStop ? 0n : above;
  const baseCents = BigInt(plan.monthlyPriceCents);
  const overageCents = divideRoundHalfUp(overageUnits * BigInt(plan.overagePer1000Cents), 1000n);
  const shares = allocateProportionally(overageCents, lines.map((line) => line.units));
  return {
    currency: plan.currency,
    includedUnits,
    usedUnits,
    overageUnits,
    unbilledUnits: above - overageUnits,
    baseCents,
    overageCents,
    totalCents: baseCents + overageCents,
    lineItems: lines.map((line, index) => ({
      apiId: line.apiId,
      apiSlug: line.apiSlug ?? null,
      routeKey: line.routeKey,
      weight: line.weight,
      requests: line.requests.toString(),
      units: line.units.toString(),
      overageCents: shares[index]!.toString(),
    })),
  };
}
