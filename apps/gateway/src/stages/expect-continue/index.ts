import type { GatewayContext } from '../../pipeline/context';
import type { Stage } from '../../pipeline/types';

/** Node's test for the expectation it hands to 'checkContinue' (lib/_http_server.js). */
const CONTINUE = /(?:^|\W)100-continue(?:$|\W)/i;

/**
 * `Expect: 100-continue` is answered only once the request may go upstream: the server
 * sends no automatic `100 Continue` (it listens for 'checkContinue'), and this stage,
 * the last before forward, sends it after routing, IP rules, authentication, limits and
 * the cache have passed. A request refused before gets its final answer without a 100,
 * and Node closes that connection (the body it never asked for may still be on its way).
 */
export const expectContinue: Stage<true> = {
  name: 'expect-continue',
  phase: 'forward',
  priority: 1,
  configure: ({ route }) => (route === null ? undefined : true),
  run(ctx) {
    // A stage that read the body (request validation) has already asked for it.
    if (ctx.requestBody === null) continueIfExpected(ctx);
  },
};

/** Sends `100 Continue` when the client waits for one before sending its body. */
export function continueIfExpected(ctx: GatewayContext): void {
  const expect = ctx.req.headers.expect;
  if (expect === undefined || ctx.upgrade !== null || ctx.req.httpVersionMinor !== 1 || ctx.req.httpVersionMajor !== 1) return;
  if (CONTINUE.test(expect) && !ctx.res.headersSent) ctx.res.writeContinue();
}
