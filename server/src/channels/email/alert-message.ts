/**
 * The words of an email alert: how many new notifications wait and where to read them, and
 * nothing else. No reference, no life event, no name: a team mailbox is read by many, and email
 * is not where personal data should travel.
 */
export function alertMessage(notifications: number, portalLink: string): { subject: string; body: string } {
  const what = notifications === 1 ? '1 new notification' : `${String(notifications)} new notifications`;
  return {
    subject: `Tell Us Once: ${what}`,
    body: [
      `${what} ${notifications === 1 ? 'is' : 'are'} waiting for your team in the Tell Us Once agency portal.`,
      `Sign in to read and acknowledge ${notifications === 1 ? 'it' : 'them'}: ${portalLink}`,
      'This email does not say who or what they are about, to keep residents’ details private.',
    ].join('\n\n'),
  };
}
