export { createAlertRule } from './create-alert-rule';
export { updateAlertRule } from './update-alert-rule';
export { deleteAlertRule } from './delete-alert-rule';
export { getAlertRule } from './get-alert-rule';
export { listAlertRules } from './list-alert-rules';
export { evaluateAlertRules, type AlertTransition } from './evaluate-alert-rules';
export { readAlertMetric } from './read-alert-metric';
export { alertMail } from './alert-mail';
