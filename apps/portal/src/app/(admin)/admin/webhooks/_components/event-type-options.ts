import { ZWebhookEventType } from '@tollgate/contracts';
import type { z } from 'zod';

/** The CloudEvents types a webhook may ask for, with what each one carries. */
const LABELS: Readonly<Record<z.infer<typeof ZWebhookEventType>, string>> = {
  'dev.tollgate.usage.recorded': 'Usage recorded (per subscription and period)',
  'dev.tollgate.statement.closed': 'Statement closed (billing)',
  'dev.tollgate.discovery.shadow_found': 'Shadow endpoint found (discovery)',
  'dev.tollgate.alert.fired': 'Alert fired',
  'dev.tollgate.alert.recovered': 'Alert recovered',
};

export const EVENT_TYPE_OPTIONS: readonly { value: z.infer<typeof ZWebhookEventType>; label: string }[] = ZWebhookEventType.options.map((value) => ({ value, label: LABELS[value] }));

export const eventsLabel = (events: readonly string[]) => (events.length === 0 ? 'all events' : events.map((event) => event.replace(/^dev\.tollgate\./, '')).join(', '));
