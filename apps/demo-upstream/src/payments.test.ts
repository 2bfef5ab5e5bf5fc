import { describe, expect, it } from 'vitest';
import { call, useDemoUpstream } from './testing';

const upstream = useDemoUpstream({ now: () => new Date('2026-03-10T12:00:00Z') });

const charge = (json: unknown, headers: Record<string, string> = {}) =>
  call(upstream.url, '/payments/charges', { method: 'POST', json, headers });

describe('payments', () => {
  it('charges a card and reads the charge back', async () => {
    const created = await charge({ amountCents: 2500, currency: 'USD', source: 'tok_visa', metadata: { order: '42' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      id: 'ch_000001',
      status: 'succeeded',
      failureCode: null,
      card: { brand: 'visa', last4: '4242' },
      metadata: { order: '42' },
      refundedCents: 0,
      createdAt: '2026-03-10T12:00:00.000Z',
    });
    expect(created.headers.get('location')).toBe('/payments/charges/ch_000001');
    expect((await call(upstream.url, '/payments/charges/ch_000001')).body).toEqual(created.body);
    expect((await call(upstream.url, '/payments/charges/ch_999999')).status).toBe(404);
  });

  it('records a declined card and answers 402', async () => {
    const declined = await charge({ amountCents: 1000, currency: 'EUR', source: 'tok_chargeDeclined' });
    expect(declined.status).toBe(402);
    expect(declined.contentType).toBe('application/problem+json');
    const { chargeId } = declined.body as { chargeId: string; code: string };
    expect(declined.body).toMatchObject({ code: 'card_declined' });
    expect((await call(upstream.url, `/payments/charges/${chargeId}`)).body).toMatchObject({ status: 'failed', failureCode: 'card_declined' });
    const failed = (await call(upstream.url, '/payments/charges?status=failed')).body as { items: { id: string }[] };
    expect(failed.items.map((item) => item.id)).toEqual([chargeId]);
  });

  it('replays an idempotent request and refuses the key with another body', async () => {
    const body = { amountCents: 990, currency: 'USD', source: 'tok_mastercard' };
    const first = await charge(body, { 'idempotency-key': 'order-7' });
    const again = await charge(body, { 'idempotency-key': 'order-7' });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(again.body).toEqual(first.body);
    const conflict = await charge({ ...body, amountCents: 991 }, { 'idempotency-key': 'order-7' });
    expect(conflict.status).toBe(409);
  });

  it('refunds in part, then the rest, then refuses more', async () => {
    const { body } = await charge({ amountCents: 5000, currency: 'USD', source: 'tok_amex' });
    const id = (body as { id: string }).id;
    const refunds = (json: unknown) => call(upstream.url, `/payments/charges/${id}/refunds`, { method: 'POST', json });
    const part = await refunds({ amountCents: 1500 });
    expect(part.status).toBe(201);
    expect(part.body).toMatchObject({ chargeId: id, amountCents: 1500, reason: 'requested_by_customer' });
    expect((await refunds({})).body).toMatchObject({ amountCents: 3500 });
    expect((await refunds({ amountCents: 1 })).status).toBe(409);
    expect((await call(upstream.url, `/payments/charges/${id}`)).body).toMatchObject({ refundedCents: 5000 });
    expect((await call(upstream.url, '/payments/charges/ch_123456/refunds', { method: 'POST', json: {} })).status).toBe(404);
  });

  it('validates charges: 422 with the fields, newest first in the list', async () => {
    const invalid = await charge({ amountCents: 10, currency: 'usd', source: 'tok_unknown' });
    expect(invalid.status).toBe(422);
    const names = (invalid.body as { invalid_params: { name: string }[] }).invalid_params.map((param) => param.name);
    expect(names.sort()).toEqual(['amountCents', 'currency', 'source']);
    const list = (await call(upstream.url, '/payments/charges?limit=2')).body as { items: { id: string }[]; total: number };
    expect(list.items).toHaveLength(2);
    expect(list.total).toBeGreaterThan(2);
    expect(list.items[0]!.id > list.items[1]!.id).toBe(true);
  });
});
