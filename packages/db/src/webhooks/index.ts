export * from './create-webhook';
export * from './deliver-due-webhooks';
export * from './enqueue-usage-records';
export * from './enqueue-webhook-event';
export * from './manage-webhooks';
export * from './send-webhook';
export * from './webhook-url';
export * from './delete-old-deliveries';
