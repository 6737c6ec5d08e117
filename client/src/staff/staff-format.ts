const dateTime = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  timeZone: 'Europe/London',
});

/** An instant as staff read it, in UK time: "14 Jan 2025, 10:32:05". */
export function formatDateTime(iso: string): string {
  return dateTime.format(new Date(iso));
}

/** The colour of a delivery status's tag. */
export function statusTagClass(status: string): string {
  const colours: Record<string, string> = {
    queued: 'govuk-tag--grey',
    sending: 'govuk-tag--blue',
    delivered: 'govuk-tag--light-blue',
    acknowledged: 'govuk-tag--purple',
    actioned: 'govuk-tag--green',
    failed: 'govuk-tag--red',
  };
  return `govuk-tag ${colours[status] ?? 'govuk-tag--grey'}`;
}

/**
 * A delivery's state as an adviser needs it: a notification delivered to an inbox waits there
 * unread until someone opens it in the portal, which is not the same as their system taking it.
 */
export function deliveryStateKey(
  status: string,
  delivery?: { transport: string | null; firstOpenedAt: string | null; rejectedAfterCheck?: unknown },
): string {
  // Cancelled by a supervisor's check, not by a withdrawal of the whole report.
  if (status === 'cancelled' && delivery?.rejectedAfterCheck) return 'deliveryStates.rejected-after-check';
  if (status !== 'delivered' || !delivery) return `deliveryStates.${status}`;
  if (delivery.transport === 'inbox')
    return `deliveryStates.${delivery.firstOpenedAt ? 'inbox-opened' : 'inbox-unread'}`;
  return 'deliveryStates.received';
}
