import { ZWebhookEventType } from '@tollgate/contracts';
import type { z } from 'zod';

/** The CloudEvents types a webhook may ask for, with what each one carries. */
export const EVENT_TYPE_OPTIONS: readonly { value: z.infer<typeof ZWebhookEventType>; label: string }[] = ZWebhookEventType.options.map((value) => ({
  value,
  label: value.endsWith('usage.recorded')
    ? 'Usage recorded (per subscription and period)'
    : value.endsWith('discovery.shadow_found')
      ? 'Shadow endpoint found (discovery)'
      : 'Statement closed (billing)',
}));

export const eventsLabel = (events: readonly string[]) => (events.length === 0 ? 'all events' : events.map((event) => event.replace(/^dev\.tollgate\./, '')).join(', '));
