import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createWebhook } from '@tollgate/db';
import { useTestDatabase } from '@tollgate/db/testing';
import { manualClock, verifyWebhookSignature, type CloudEvent } from '@tollgate/domain';
import { createMailer } from '@tollgate/mail';
import { createAlertRule, runOperation, type Principal } from '@tollgate/operations';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { flushUsageEvents } from '../../../test/support/flush-usage-events';
import { runAlertTick } from './alert-evaluator';
import { startBillingScheduler, type BillingScheduler } from './billing-scheduler';
import { readWorkerEnv } from './env';

const t = useTestDatabase();
const admin: Principal = { kind: 'token', id: '00000000-0000-4000-8000-00000000000a', label: 'ci', role: 'admin' };
const received: { body: string; signature: string }[] = [];
const receiver = http.createServer((request, response) => {
  let body = '';
  request.setEncoding('utf8');
  request.on('data', (chunk: string) => (body += chunk));
  request.on('end', () => {
    received.push({ body, signature: String(request.headers['tollgate-signature']) });
    response.writeHead(204).end();
  });
});
let scheduler: BillingScheduler | undefined;
afterAll(async () => {
  await scheduler?.stop();
  await new Promise<void>((done) => receiver.close(() => done()));
});

const MINUTE = 60_000;

async function seedCalls(apiId: string, appId: string, at: Date, statuses: number[]) {
  await flushUsageEvents(
    t.url,
    statuses.map((status, i) => ({ time: new Date(at.getTime() + i).toISOString(), apiId, appId, routeKey: 'GET /forecast/{city}', status, latencyMs: 40, units: 1 })),
  );
}

describe('alert evaluation', () => {
  it('fires once and recovers once against a real webhook receiver, with one mail each, never twice while it stays', async () => {
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const port = (receiver.address() as AddressInfo).port;
    const hook = await createWebhook(t.db, { url: `http://127.0.0.1:${port}/hooks`, events: ['dev.tollgate.alert.fired', 'dev.tollgate.alert.recovered'], allowInsecure: true });
    const team = await t.db.team.create({ data: { slug: 'acme', name: 'Acme' } });
    const app = await t.db.app.create({ data: { slug: 'acme-app', name: 'Acme App', teamId: team.id } });
    const api = await t.db.api.create({ data: { slug: 'weather', name: 'Weather', basePath: '/weather', status: 'published' } });
    const other = await t.db.api.create({ data: { slug: 'maps', name: 'Maps', basePath: '/maps', status: 'published' } });
    const rule = await runOperation(t.db, admin, createAlertRule, { name: 'Weather errors', metric: 'error_rate', api: 'weather', threshold: 20, windowMinutes: 5, mailTo: ['ops@example.com'] });

    const outbox = await mkdtemp(path.join(tmpdir(), 'tollgate-alert-mail-'));
    const env = readWorkerEnv({ DATABASE_URL: t.url, TOLLGATE_ALLOW_INSECURE_WEBHOOKS: '1', MAIL_OUTBOX_DIR: outbox, BILLING_TICK_MS: '3600000', WEBHOOK_POLL_MS: '3600000', ALERT_TICK_MS: '3600000', NEXTAUTH_URL: 'https://portal.example.com' });
    const start = new Date(Math.floor(Date.now() / MINUTE) * MINUTE);
    const clock = manualClock(new Date(start.getTime() + 30_000));
    scheduler = startBillingScheduler(t.db, env, pino({ level: 'silent' }), clock);

    // Healthy traffic on weather, failures on another API only: nothing fires.
    await seedCalls(api.id, app.id, start, [200, 200, 200, 200, 500]);
    await seedCalls(other.id, app.id, start, [500, 500, 500]);
    await scheduler.evaluateAlerts();
    expect(await t.db.alertRule.findUniqueOrThrow({ where: { id: rule.id } })).toMatchObject({ state: 'ok', lastValue: 20 });

    // 5 of 10 weather calls fail: 50 % > 20 %. Two workers evaluating at once send one event.
    await seedCalls(api.id, app.id, start, [500, 500, 500, 500, 200]);
    const secondWorker = { source: env.TOLLGATE_EVENT_SOURCE, mailer: createMailer({ smtpUrl: undefined, from: env.MAIL_FROM, outboxDir: outbox }), consoleUrl: 'https://portal.example.com', log: pino({ level: 'silent' }) };
    const [, claimedBySecond] = await Promise.all([scheduler.evaluateAlerts(), runAlertTick(t.db, clock.now(), secondWorker)]);
    expect([0, 1]).toContain(claimedBySecond.length);
    const fired = await t.db.alertRule.findUniqueOrThrow({ where: { id: rule.id } });
    expect(fired).toMatchObject({ state: 'firing', lastValue: 50, transitions: 1, firingSince: clock.now() });
    clock.advance(MINUTE);
    await scheduler.evaluateAlerts();
    expect(await t.db.alertRule.findUniqueOrThrow({ where: { id: rule.id } })).toMatchObject({ state: 'firing', transitions: 1 });

    // Five minutes on, the failures have left the window and healthy calls came: it recovers.
    clock.advance(5 * MINUTE);
    await seedCalls(api.id, app.id, new Date(Math.floor(clock.now().getTime() / MINUTE) * MINUTE), [200, 200, 200]);
    await scheduler.evaluateAlerts();
    await scheduler.evaluateAlerts();
    expect(await t.db.alertRule.findUniqueOrThrow({ where: { id: rule.id } })).toMatchObject({ state: 'ok', lastValue: 0, transitions: 2, firingSince: null });

    await scheduler.deliver();
    const events = received.map(({ body, signature }) => {
      const sentAt = new Date(Number(/t=(\d+)/.exec(signature)![1]) * 1000);
      expect(verifyWebhookSignature(hook.secret, signature, body, 300, sentAt)).toBe(true);
      return JSON.parse(body) as CloudEvent<{ state: string; value: number; rule: { id: string; threshold: number } }>;
    });
    expect(events.map((event) => [event.type, event.id, event.data.state, event.data.value])).toEqual([
      ['dev.tollgate.alert.fired', `alert_${rule.id}.1`, 'firing', 50],
      ['dev.tollgate.alert.recovered', `alert_${rule.id}.2`, 'ok', 0],
    ]);
    expect(events[0]).toMatchObject({ subject: 'Weather errors', data: { rule: { id: rule.id, threshold: 20 } } });

    // The .eml files are quoted-printable: soft line breaks joined again.
    const mails = await Promise.all((await readdir(outbox)).sort().map(async (file) => (await readFile(path.join(outbox, file), 'utf8')).replace(/=\r?\n/g, '')));
    expect(mails).toHaveLength(2);
    expect(mails[0]).toMatch(/To: ops@example\.com/);
    expect(mails[0]).toMatch(/Subject: \[Tollgate\] Firing: Weather errors/);
    expect(mails[0]).toMatch(/Error rate of API weather is 50 % over the last 5 min; the threshold is 20 %/);
    expect(mails[0]).toContain('https://portal.example.com/admin/alerts');
    expect(mails[1]).toMatch(/Subject: \[Tollgate\] Recovered: Weather errors/);
  });
});
