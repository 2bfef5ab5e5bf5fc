// `Expect: 100-continue` over a raw socket: the 100 comes only once the request may go upstream.
import { connect } from 'node:net';
import { generateApiKey } from '@tollgate/domain';
import { useTestDatabase } from '@tollgate/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../start-gateway';
import { applyTestConfig, startTestGateway } from '../testing/test-gateway';
import { startTestUpstream, type TestUpstream } from '../testing/test-upstream';

const t = useTestDatabase();
let upstream: TestUpstream;
let gateway: RunningGateway;
let key: string;

beforeAll(async () => {
  upstream = await startTestUpstream();
  ({ key } = await applyTestConfig(t.db, upstream.url));
  gateway = await startTestGateway(t.url);
});

afterAll(async () => {
  await gateway?.close();
  await upstream?.close();
});

const BODY = '{"temp":21}';

/**
 * Sends the request head only; sends the body once (and only if) `100 Continue` arrives.
 * Resolves with everything received when the server closes the connection (or after 5 s).
 */
function postExpectingContinue(headers: Record<string, string>): Promise<{ text: string; sentBody: boolean; closedByServer: boolean }> {
  const url = new URL(gateway.url);
  const head = [
    'POST /weather/reports HTTP/1.1',
    `host: ${url.host}`,
    'content-type: application/json',
    `content-length: ${BODY.length}`,
    'expect: 100-continue',
    'connection: close',
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
  ].join('\r\n');
  return new Promise((resolve) => {
    const socket = connect(Number(url.port), url.hostname, () => socket.write(`${head}\r\n\r\n`));
    let text = '';
    let sentBody = false;
    let closedByServer = true;
    socket.on('data', (data: Buffer) => {
      text += data.toString('latin1');
      if (!sentBody && text.startsWith('HTTP/1.1 100 Continue\r\n\r\n')) {
        sentBody = true;
        socket.write(BODY);
      }
    });
    socket.on('error', () => {});
    const giveUp = setTimeout(() => {
      closedByServer = false;
      socket.destroy();
    }, 5_000);
    socket.on('close', () => {
      clearTimeout(giveUp);
      resolve({ text, sentBody, closedByServer });
    });
  });
}

describe('Expect: 100-continue', () => {
  it.each([
    ['no key', {}, 'missing_credentials'],
    ['an unknown key', { 'x-api-key': generateApiKey().key }, 'invalid_api_key'],
  ])('with %s: the 401 comes without a 100 Continue first, and the connection closes', async (_name, headers, code) => {
    const before = upstream.received.length;
    const { text, sentBody, closedByServer } = await postExpectingContinue(headers);
    expect(text).not.toContain('100 Continue');
    expect(closedByServer).toBe(true);
    expect(text).toMatch(/^HTTP\/1\.1 401 /);
    expect(text).toContain(`"code":"${code}"`);
    expect(sentBody).toBe(false);
    expect(upstream.received.length).toBe(before);
  });

  it('with a valid key: 100 Continue, then the body goes upstream and its answer comes back', async () => {
    const { text, sentBody } = await postExpectingContinue({ 'x-api-key': key });
    expect(sentBody).toBe(true);
    expect(text).toMatch(/^HTTP\/1\.1 100 Continue\r\n\r\nHTTP\/1\.1 200 /);
    expect(text).toContain('"body":"{\\"temp\\":21}"');
    const received = upstream.received.at(-1)!;
    expect(received).toMatchObject({ method: 'POST', url: '/reports', body: BODY });
    expect(received.headers.expect).toBeUndefined();
  });
});
