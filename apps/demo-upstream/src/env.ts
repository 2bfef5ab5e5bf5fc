import { z } from 'zod';

const ZEnv = z.object({
  DEMO_UPSTREAM_PORT: z.coerce.number().int().min(0).max(65535).default(4010),
  DEMO_UPSTREAM_HOST: z.string().min(1).default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Env = z.infer<typeof ZEnv>;

/** The environment, parsed once; a bad value ends the process with one line per problem. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Readonly<Env> {
  const result = ZEnv.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`invalid environment: ${lines.join('; ')}`);
  }
  return Object.freeze(result.data);
}
