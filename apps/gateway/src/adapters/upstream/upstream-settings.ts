import { ZUpstreamSettings, type TUpstreamSettings } from '@tollgate/contracts';

/**
 * An upstream's `settings` parsed with the shared schema, its defaults filled in. A
 * connect timeout the settings do not name is the gateway's (GATEWAY_UPSTREAM_CONNECT_
 * TIMEOUT_MS). Settings that do not parse are replaced by the defaults, with a warning,
 * so one bad upstream never stops a snapshot from loading.
 */
export function readUpstreamSettings(raw: unknown, connectTimeoutMs: number, warn: (message: string) => void): TUpstreamSettings {
  let result = ZUpstreamSettings.safeParse(raw ?? {});
  if (!result.success) {
    warn(`ignoring upstream settings (${result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')})`);
    result = ZUpstreamSettings.safeParse({});
  }
  const settings = result.data!;
  if (timeoutGiven(raw, 'connectMs')) return settings;
  return { ...settings, timeouts: { ...settings.timeouts, connectMs: connectTimeoutMs } };
}

/** Whether the stored settings name this timeout themselves (else a gateway default applies). */
export function timeoutGiven(raw: unknown, name: 'connectMs' | 'headersMs' | 'bodyMs'): boolean {
  const timeouts = (raw as { timeouts?: Record<string, unknown> } | null | undefined)?.timeouts;
  return typeof timeouts?.[name] === 'number';
}
