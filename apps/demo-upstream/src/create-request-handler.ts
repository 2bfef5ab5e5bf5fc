// One entry point for every request: route, run, and map errors to problem+json.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { Problem } from './http/problem';
import { sendProblem } from './http/respond';
import type { Router } from './http/router';

export function createRequestHandler(router: Router, logger: Logger) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const started = process.hrtime.bigint();
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://demo-upstream.invalid');
    res.once('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      logger.info({ method, path: url.pathname, status: res.statusCode, ms: Math.round(ms * 10) / 10 }, 'request');
    });
    try {
      const match = router.match(method, url.pathname);
      if (match.kind === 'not-found') throw new Problem(404, 'Not Found', `No resource at ${url.pathname}.`);
      if (match.kind === 'method-not-allowed') {
        throw new Problem(405, 'Method Not Allowed', `${method} is not supported on ${url.pathname}.`, {}, { allow: match.allow.join(', ') });
      }
      await match.route.handle({ req, res, url, params: match.params });
    } catch (error) {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (error instanceof Problem) {
        sendProblem(res, error, url.pathname);
        return;
      }
      logger.error({ err: error, method, path: url.pathname }, 'request failed');
      sendProblem(res, new Problem(500, 'Internal Server Error', 'The demo API failed to answer.'), url.pathname);
    }
  };
}
