import { isTollgateError, TollgateError } from '@tollgate/errors';
import type { GatewayContext } from './context';
import { sendProblem } from './send-problem';
import type { BoundStage } from './types';

/**
 * Runs one request through its stages. This is the one place where errors become
 * responses: a stage throws, the runner answers with problem+json (or, when the
 * response has already started, cuts the connection). A stage answers by writing the
 * response head; the stages after it are skipped. Record stages always run last.
 */
export async function runPipeline(ctx: GatewayContext): Promise<void> {
  try {
    await runStages(ctx.snapshot.entry, ctx);
    const route = ctx.route;
    if (route !== null) await runStages(route.main, ctx);
    if (!ctx.res.headersSent) throw new TollgateError('internal_error', { internal: 'no stage answered the request' });
  } catch (error) {
    answerWithError(ctx, error);
  }
  const after = ctx.route !== null ? ctx.route.after : ctx.snapshot.after;
  for (const bound of after) {
    try {
      const pending = bound.stage.run(ctx, bound.config);
      if (pending !== undefined) await pending;
    } catch (error) {
      ctx.log.error({ err: error, stage: bound.stage.name }, 'record stage failed');
    }
  }
}

/** Runs stages in order until one of them has answered (a CORS preflight, a cache hit, forward). */
async function runStages(stages: readonly BoundStage[], ctx: GatewayContext): Promise<void> {
  for (let i = 0; i < stages.length; i++) {
    if (ctx.res.headersSent) return;
    const bound = stages[i]!;
    const pending = bound.stage.run(ctx, bound.config);
    if (pending !== undefined) await pending;
  }
}

function answerWithError(ctx: GatewayContext, error: unknown): void {
  if (!isTollgateError(error)) {
    ctx.log.error({ err: error }, 'unexpected error on the request path');
  } else if (error.status >= 500) {
    ctx.log.warn({ code: error.code, internal: error.message }, 'request failed');
  }
  if (ctx.res.headersSent) {
    ctx.res.destroy();
    return;
  }
  sendProblem(ctx.res, error, ctx.requestId);
}
