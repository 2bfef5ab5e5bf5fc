/** A start-up failure whose message is printed as one line, without a stack trace. */
export class StartupError extends Error {
  override readonly name = 'StartupError';
}

export function isStartupError(error: unknown): error is StartupError {
  return error instanceof Error && error.name === 'StartupError';
}
