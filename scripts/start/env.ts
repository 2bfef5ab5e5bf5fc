// Settings of `npm start`, from the environment (see the README's configuration table).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const port = z.coerce.number().int().min(1).max(65535);

const ZStartEnv = z.object({
  DATABASE_URL: z.string().min(1).optional(),
  REDIS_URL: z.string().min(1).optional(),
  GATEWAY_PORT: port.default(8080),
  GATEWAY_ADMIN_PORT: port.default(9090),
  PORTAL_PORT: port.default(3000),
  DEMO_UPSTREAM_PORT: port.default(4010),
  EMBEDDED_POSTGRES_PORT: port.default(5433),
  TOLLGATE_DATA_DIR: z.string().default(path.join(ROOT, '.data')),
  PUBLIC_HOST: z.string().default('localhost'),
});

export type StartEnv = z.infer<typeof ZStartEnv>;

export function readStartEnv(): StartEnv {
  const parsed = ZStartEnv.safeParse(process.env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${issue.path.join('.')} is invalid: ${issue.message}`);
  }
  return Object.freeze(parsed.data);
}
