// CloudEvents 1.0, structured JSON mode (https://github.com/cloudevents/spec).

export const USAGE_RECORDED = 'dev.tollgate.usage.recorded';
export const STATEMENT_CLOSED = 'dev.tollgate.statement.closed';
export const DISCOVERY_SHADOW_FOUND = 'dev.tollgate.discovery.shadow_found';
export const ALERT_FIRED = 'dev.tollgate.alert.fired';
export const ALERT_RECOVERED = 'dev.tollgate.alert.recovered';
export const WEBHOOK_EVENT_TYPES = [USAGE_RECORDED, STATEMENT_CLOSED, DISCOVERY_SHADOW_FOUND, ALERT_FIRED, ALERT_RECOVERED] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export const CLOUDEVENTS_CONTENT_TYPE = 'application/cloudevents+json';

export interface CloudEvent<T = unknown> {
  specversion: '1.0';
  /** Stable id of the record: the same record always has the same id. */
  id: string;
  source: string;
  type: string;
  /** The app (customer) the record belongs to; the endpoint for discovery events. */
  subject: string;
  time: string;
  datacontenttype: 'application/json';
  data: T;
}

export function buildCloudEvent<T>(input: { id: string; source: string; type: string; subject: string; time: Date; data: T }): CloudEvent<T> {
  return {
    specversion: '1.0',
    id: input.id,
    source: input.source,
    type: input.type,
    subject: input.subject,
    time: input.time.toISOString(),
    datacontenttype: 'application/json',
    data: input.data,
  };
}
