import { agencyKinds, type AgencyKind } from '@tuo/shared';
import { z } from 'zod';
import { agencyEnvName, perAgency } from './agency-env-names.js';

/** Who at an agency is told that new notifications wait, and how often. */
export interface EmailAlertSettings {
  /** The team's shared mailbox (never a resident's address: the alert holds no personal data anyway). */
  to: string;
  /** `immediate`: within a minute of new notifications arriving; `daily`: one digest at 08:00 UTC. */
  frequency: 'immediate' | 'daily';
}

/** The cron line each frequency runs on. */
export const alertSchedules: Readonly<Record<EmailAlertSettings['frequency'], string>> = {
  immediate: '* * * * *',
  daily: '0 8 * * *',
};

/** The environment variables of the email alert, for every agency. */
export const emailAlertEnvShape = {
  ...perAgency('ALERT_EMAIL', z.email({ error: 'must be an email address (the team mailbox)' }).optional()),
  ...perAgency('ALERT_FREQUENCY', z.enum(['immediate', 'daily'], { error: 'must be immediate or daily' }).optional()),
};

type EmailAlertEnv = { [K in keyof typeof emailAlertEnvShape]?: string | undefined };

/** Problems with the alert settings: a frequency without a mailbox. */
export function emailAlertIssues(env: EmailAlertEnv): { path: string; message: string }[] {
  return agencyKinds.flatMap((agency) =>
    env[agencyEnvName(agency, 'ALERT_FREQUENCY')] !== undefined &&
    env[agencyEnvName(agency, 'ALERT_EMAIL')] === undefined
      ? [
          {
            path: agencyEnvName(agency, 'ALERT_EMAIL'),
            message: `is required when ${agencyEnvName(agency, 'ALERT_FREQUENCY')} is set`,
          },
        ]
      : [],
  );
}

/** The agency's email alert, if it has one. */
export function emailAlertOf(env: EmailAlertEnv, agency: AgencyKind): EmailAlertSettings | undefined {
  const to = env[agencyEnvName(agency, 'ALERT_EMAIL')];
  if (!to) return undefined;
  return { to, frequency: env[agencyEnvName(agency, 'ALERT_FREQUENCY')] === 'daily' ? 'daily' : 'immediate' };
}
