export { createWebhook } from './create-webhook';
export { updateWebhook } from './update-webhook';
export { deleteWebhook } from './delete-webhook';
export { getWebhook } from './get-webhook';
export { listWebhooks } from './list-webhooks';
export { listWebhookDeliveries } from './list-webhook-deliveries';
export { replayWebhookDelivery } from './replay-webhook-delivery';
export { checkWebhookUrl } from './check-webhook-url';
