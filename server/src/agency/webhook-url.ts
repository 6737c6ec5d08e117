// The rule is the contract's, so the staff console's organisation form checks it the same way.
export { isAllowedWebhookUrl, isLoopbackHost } from '@tuo/shared/api/webhook-url';
