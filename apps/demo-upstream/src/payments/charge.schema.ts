import { z } from 'zod';

/** Test card tokens, as payment providers hand out for sandboxes. */
export const CARD_TOKENS = {
  tok_visa: { brand: 'visa', last4: '4242', decline: null },
  tok_mastercard: { brand: 'mastercard', last4: '4444', decline: null },
  tok_amex: { brand: 'amex', last4: '0005', decline: null },
  tok_chargeDeclined: { brand: 'visa', last4: '0002', decline: 'card_declined' },
  tok_insufficientFunds: { brand: 'visa', last4: '9995', decline: 'insufficient_funds' },
} as const;
export type CardToken = keyof typeof CARD_TOKENS;
const TOKEN_NAMES = Object.keys(CARD_TOKENS) as [CardToken, ...CardToken[]];

export const ZNewCharge = z.strictObject({
  amountCents: z.int().min(50, 'must be at least 50 (0.50 in the currency)').max(99_999_999),
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as USD'),
  source: z.enum(TOKEN_NAMES, { error: `must be one of ${TOKEN_NAMES.join(', ')}` }),
  description: z.string().max(500).default(''),
  metadata: z.record(z.string().max(40), z.string().max(500)).default({}),
});
export type TNewCharge = z.infer<typeof ZNewCharge>;

export const ZNewRefund = z.strictObject({
  amountCents: z.int().positive().optional(),
  reason: z.enum(['duplicate', 'fraudulent', 'requested_by_customer']).default('requested_by_customer'),
});
export type TNewRefund = z.infer<typeof ZNewRefund>;

export const ZChargeListQuery = z.strictObject({
  status: z.enum(['succeeded', 'failed']).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export interface Charge {
  id: string;
  amountCents: number;
  currency: string;
  status: 'succeeded' | 'failed';
  failureCode: string | null;
  source: CardToken;
  card: { brand: string; last4: string };
  description: string;
  metadata: Record<string, string>;
  refundedCents: number;
  createdAt: string;
}

export interface Refund {
  id: string;
  chargeId: string;
  amountCents: number;
  reason: TNewRefund['reason'];
  createdAt: string;
}
