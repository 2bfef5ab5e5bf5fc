import type { Db } from '@tollgate/db';
import type { Mailer } from '@tollgate/mail';
import { alertMail, evaluateAlertRules } from '@tollgate/operations';
import type { Logger } from 'pino';

/**
 * One evaluation of every alert rule: the transitions this worker claimed have their webhook
 * event queued already; each is mailed to the rule's recipients here. A mail that fails is
 * logged; the rule's state and its webhook event stand. Returns the kind of each transition
 * this worker claimed.
 */
export async function runAlertTick(db: Db, now: Date, options: { source: string; mailer: Mailer; consoleUrl: string | null; log: Logger }): Promise<('fired' | 'recovered')[]> {
  const transitions = await evaluateAlertRules(db, now, { source: options.source });
  for (const transition of transitions) {
    options.log.info({ rule: transition.rule.id, name: transition.rule.name, kind: transition.kind, value: transition.value }, `alert ${transition.kind}`);
    const { subject, text } = alertMail(transition, options.consoleUrl);
    for (const to of transition.rule.mailTo) {
      await options.mailer.send({ to, subject, text }).catch((error: unknown) => options.log.warn({ err: error, rule: transition.rule.id, to }, 'alert mail failed'));
    }
  }
  return transitions.map((transition) => transition.kind);
}
