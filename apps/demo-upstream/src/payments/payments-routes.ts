import { parseBody, parseQuery } from '../http/parse-input';
import { Problem, notFound } from '../http/problem';
import { readJson } from '../http/read-body';
import { sendJson } from '../http/respond';
import type { Route } from '../http/router';
import { ZChargeListQuery, ZNewCharge, ZNewRefund, type Charge } from './charge.schema';
import type { PaymentsStore } from './payments-store';

function declined(charge: Charge, headers: Record<string, string>): Problem {
  const detail = `The card was declined (${charge.failureCode}).`;
  return new Problem(402, 'Payment Required', detail, { code: charge.failureCode, chargeId: charge.id }, headers);
}

export function paymentsRoutes(store: PaymentsStore): Route[] {
  const chargeOrThrow = (id: string | undefined): Charge => {
    const charge = store.get(id ?? '');
    if (!charge) throw notFound(`No charge "${id}".`);
    return charge;
  };

  return [
    {
      method: 'GET',
      path: '/payments/charges',
      handle: ({ res, url }) => {
        const { status, limit } = parseQuery(url, ZChargeListQuery);
        sendJson(res, 200, store.list(status, limit));
      },
    },
    {
      method: 'POST',
      path: '/payments/charges',
      handle: async ({ req, res }) => {
        const input = parseBody(await readJson(req), ZNewCharge);
        const key = req.headers['idempotency-key'];
        const { charge, replayed } = store.charge(input, typeof key === 'string' && key ? key : undefined);
        const headers: Record<string, string> = replayed ? { 'idempotent-replayed': 'true' } : {};
        if (charge.status === 'failed') throw declined(charge, headers);
        sendJson(res, 201, charge, { location: `/payments/charges/${charge.id}`, ...headers });
      },
    },
    {
      method: 'GET',
      path: '/payments/charges/{id}',
      handle: ({ res, params }) => sendJson(res, 200, chargeOrThrow(params.id)),
    },
    {
      method: 'POST',
      path: '/payments/charges/{id}/refunds',
      handle: async ({ req, res, params }) => {
        const charge = chargeOrThrow(params.id);
        const refund = store.refund(charge, parseBody(await readJson(req), ZNewRefund));
        sendJson(res, 201, refund);
      },
    },
  ];
}
