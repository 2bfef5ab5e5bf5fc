import { isTollgateError, toProblem } from '@tollgate/errors';
import { describeConnectionError, resolveDatabaseUrl } from '@tollgate/db';

export interface OutputOptions {
  json?: boolean;
}

const asJson = (value: unknown) => `${JSON.stringify(value, (_, item) => (typeof item === 'bigint' ? item.toString() : item), 2)}\n`;

export function printJson(value: unknown): void {
  process.stdout.write(asJson(value));
}

/** An error as problem+json, on stderr: stdout only ever carries results. */
export function printProblem(problem: unknown): void {
  process.stderr.write(asJson(problem));
}

function isConnectionError(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code ?? '';
  const message = error instanceof Error ? error.message : '';
  return ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', '28P01', '28000', '3D000', 'P1001'].includes(code) || /ECONNREFUSED|ENOTFOUND|Can't reach database/.test(message);
}

/** The one place CLI errors become output: problem+json with --json, else one line, both on stderr. */
export function reportError(error: unknown, options: OutputOptions): void {
  process.exitCode = 1;
  if (isConnectionError(error)) {
    const line = describeConnectionError(error, resolveDatabaseUrl());
    if (options.json) printProblem({ ...toProblem(undefined), detail: line });
    else console.error(`tollgate: ${line}`);
    return;
  }
  const problem = toProblem(error);
  if (options.json) {
    printProblem(problem);
    return;
  }
  if (!isTollgateError(error)) {
    console.error(`tollgate: unexpected error: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    return;
  }
  const params = problem.invalid_params?.map((param) => `${param.name}: ${param.reason}`).join('; ');
  console.error(`tollgate: ${params && !problem.detail.includes(params) ? `${problem.detail} — ${params}` : problem.detail}`);
}
