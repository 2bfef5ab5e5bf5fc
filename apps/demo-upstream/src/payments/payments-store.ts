// Charges and refunds of one demo server, with idempotency keys as payment APIs have them:
// the same key and body replays the first answer, the same key with another body is refused.
import { Problem } from '../http/problem';
import { CARD_TOKENS, type Charge, type Refund, type TNewCharge, type TNewRefund } from './charge.schema';

const sequenceId = (prefix: string, sequence: number): string => `${prefix}_${String(sequence).padStart(6, '0')}`;

export function createPaymentsStore(now: () => Date) {
  const charges: Charge[] = [];
  const refunds: Refund[] = [];
  const idempotency = new Map<string, { fingerprint: string; chargeId: string }>();

  function create(input: TNewCharge): Charge {
    const card = CARD_TOKENS[input.source];
    const charge: Charge = {
      id: sequenceId('ch', charges.length + 1),
      amountCents: input.amountCents,
      currency: input.currency,
      status: card.decline ? 'failed' : 'succeeded',
      failureCode: card.decline,
      source: input.source,
      card: { brand: card.brand, last4: card.last4 },
      description: input.description,
      metadata: input.metadata,
      refundedCents: 0,
      createdAt: now().toISOString(),
    };
    charges.push(charge);
    return charge;
  }

  return {
    /** Returns the charge and whether it replays an earlier request with the same key. */
    charge(input: TNewCharge, idempotencyKey: string | undefined): { charge: Charge; replayed: boolean } {
      if (!idempotencyKey) return { charge: create(input), replayed: false };
      const fingerprint = JSON.stringify(input);
      const earlier = idempotency.get(idempotencyKey);
      if (earlier && earlier.fingerprint !== fingerprint) {
        throw new Problem(409, 'Conflict', 'This Idempotency-Key was already used with a different request body.');
      }
      const existing = earlier && charges.find((charge) => charge.id === earlier.chargeId);
      if (existing) return { charge: existing, replayed: true };
      const charge = create(input);
      idempotency.set(idempotencyKey, { fingerprint, chargeId: charge.id });
      return { charge, replayed: false };
    },
    get(id: string): Charge | undefined {
      return charges.find((charge) => charge.id === id);
    },
    list(status: Charge['status'] | undefined, limit: number) {
      const matching = charges.filter((charge) => !status || charge.status === status).reverse();
      return { items: matching.slice(0, limit), total: matching.length };
    },
    refund(charge: Charge, input: TNewRefund): Refund {
      if (charge.status !== 'succeeded') throw new Problem(409, 'Conflict', `Charge ${charge.id} failed; there is nothing to refund.`);
      const refundable = charge.amountCents - charge.refundedCents;
      const amountCents = input.amountCents ?? refundable;
      if (amountCents > refundable || refundable === 0) {
        throw new Problem(409, 'Conflict', `Only ${refundable} of ${charge.amountCents} cents are left to refund on ${charge.id}.`);
      }
      charge.refundedCents += amountCents;
      const refund: Refund = { id: sequenceId('re', refunds.length + 1), chargeId: charge.id, amountCents, reason: input.reason, createdAt: now().toISOString() };
      refunds.push(refund);
      return refund;
    },
  };
}

export type PaymentsStore = ReturnType<typeof createPaymentsStore>;
