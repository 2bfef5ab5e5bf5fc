import { isTollgateError, TollgateError } from '@tollgate/errors';
import type { GatewayContext } from './context';
import { sendProblem } from './send-problem';
import type { BoundStage } from './types';

/**
 * Runs one request through its stages. This is the one place where errors become
 * responses: a stage throws (or its promise rejects), the runner answers with
 * problem+json (or, when the response has already started, cuts the connection). A
 * stage answers by writing the response head; the stages after it are skipped. Record
 * stages always run last. Stages run synchronously one after the other until one
 * returns a promise: a request that needs no waiting before forward allocates none.
 */
export function runPipeline(ctx: GatewayContext): void {
  let pending: Promise<void> | undefined;
  try {
    pending = runMainStages(ctx);
  } catch (error) {
    answerWithError(ctx, error);
  }
  if (pending === undefined) runRecordStages(ctx);
  else
    pending.then(
      () => runRecordStages(ctx),
      (error: unknown) => {
        answerWithError(ctx, error);
        runRecordStages(ctx);
      },
    );
}

/** The snapshot's entry stages, then the matched route's; undefined when all of them finished synchronously. */
function runMainStages(ctx: GatewayContext): Promise<void> | undefined {
  const entry = runStages(ctx.snapshot.entry, 0, ctx);
  return entry === undefined ? runRouteStages(ctx) : entry.then(() => runRouteStages(ctx));
}

function runRouteStages(ctx: GatewayContext): Promise<void> | undefined {
  const route = ctx.route;
  const pending = route !== null ? runStages(route.main, 0, ctx) : undefined;
  if (pending !== undefined) return pending.then(() => ensureAnswered(ctx));
  ensureAnswered(ctx);
  return undefined;
}

function ensureAnswered(ctx: GatewayContext): void {
  if (!ctx.res.headersSent) throw new TollgateError('internal_error', { internal: 'no stage answered the request' });
}

/** Runs stages from `from` in order until one of them has answered (a CORS preflight, a cache hit, forward). */
function runStages(stages: readonly BoundStage[], from: number, ctx: GatewayContext): Promise<void> | undefined {
  for (let i = from; i < stages.length; i++) {
    if (ctx.res.headersSent) return undefined;
    const bound = stages[i]!;
    const pending = bound.stage.run(ctx, bound.config);
    if (pending !== undefined) return i + 1 < stages.length ? pending.then(() => runStages(stages, i + 1, ctx)) : pending;
  }
  return undefined;
}

/** Record stages: each runs whatever happened before it; a failing one is logged, never answered. */
function runRecordStages(ctx: GatewayContext, from = 0): void {
  const after = ctx.route !== null ? ctx.route.after : ctx.snapshot.after;
  for (let i = from; i < after.length; i++) {
    const bound = after[i]!;
    try {
      const pending = bound.stage.run(ctx, bound.config);
      if (pending !== undefined) {
        pending.then(
          () => runRecordStages(ctx, i + 1),
          (error: unknown) => {
            recordFailed(ctx, bound, error);
            runRecordStages(ctx, i + 1);
          },
        );
        return;
      }
    } catch (error) {
      recordFailed(ctx, bound, error);
    }
  }
}

function recordFailed(ctx: GatewayContext, bound: BoundStage, error: unknown): void {
  ctx.log.error({ err: error, stage: bound.stage.name }, 'record stage failed');
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
  ctx.problemCode = isTollgateError(error) ? error.code : 'internal_error';
  sendProblem(ctx.res, error, ctx.requestId);
}
