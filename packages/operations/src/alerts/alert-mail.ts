import { ALERT_METRIC_UNIT } from '@tollgate/contracts';
import type { AlertTransition } from './evaluate-alert-rules';

const METRIC_LABEL = { error_rate: 'Error rate', p95_latency: 'p95 latency', quota_used: 'Quota used' } as const;

/** The subject and text mailed to a rule's recipients when it fires or recovers. */
export function alertMail({ rule, kind, value, at }: AlertTransition, consoleUrl: string | null): { subject: string; text: string } {
  const unit = ALERT_METRIC_UNIT[rule.metric];
  const shown = (n: number | null) => (n === null ? 'no calls' : `${Math.round(n * 100) / 100}${unit === '%' ? ' %' : ' ms'}`);
  const scope = rule.consumer ?? (rule.api ? `API ${rule.api}` : 'every API');
  const window = rule.metric === 'quota_used' ? 'in the current quota period' : `over the last ${rule.windowMinutes} min`;
  const lines = [
    `${METRIC_LABEL[rule.metric]} of ${scope} is ${shown(value)} ${window}; the threshold is ${shown(rule.threshold)}.`,
    kind === 'fired' ? `Firing since ${at.toISOString()}.` : `Back under the threshold at ${at.toISOString()}.`,
    ...(consoleUrl ? ['', `${consoleUrl.replace(/\/$/, '')}/admin/alerts`] : []),
  ];
  return { subject: `[Tollgate] ${kind === 'fired' ? 'Firing' : 'Recovered'}: ${rule.name}`, text: `${lines.join('\n')}\n` };
}
