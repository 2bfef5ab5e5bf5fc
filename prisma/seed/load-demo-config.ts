import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { ZConfigFile, type TConfigFile } from '@tollgate/contracts';
import { parse } from 'yaml';

/** prisma/seed/demo.yaml */
export const DEMO_CONFIG_PATH = fileURLToPath(new URL('./demo.yaml', import.meta.url));
/** The upstream URL demo.yaml names; `demoUpstreamUrl` replaces it. */
export const DEMO_UPSTREAM_DEFAULT_URL = 'http://127.0.0.1:4010';

/**
 * Reads demo.yaml, points every upstream target at `demoUpstreamUrl` when one is given,
 * and validates the result with ZConfigFile.
 */
export async function loadDemoConfig(demoUpstreamUrl?: string): Promise<TConfigFile> {
  const raw = parse(await readFile(DEMO_CONFIG_PATH, 'utf8')) as { apis?: { upstream?: { targets?: { url: string }[] } }[] };
  if (demoUpstreamUrl) {
    const url = demoUpstreamUrl.replace(/\/+$/, '');
    for (const api of raw.apis ?? []) for (const target of api.upstream?.targets ?? []) target.url = url;
  }
  const result = ZConfigFile.safeParse(raw);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`demo.yaml is not a valid config file: ${lines.join('; ')}`);
  }
  return result.data;
}
