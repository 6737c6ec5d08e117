import { agencyKinds, lifeEventIds, type AgencyKind, type LifeEventId } from '@tuo/shared';
import { verificationLevels, type VerificationLevel } from '@tuo/shared/verification/verification';
import { z } from 'zod';

/** Each agency's minimum level, optionally per life event; anything not named needs `low`. */
export interface VerificationMinimums {
  overrides: { agency: AgencyKind; lifeEvent?: LifeEventId; level: VerificationLevel }[];
}

const item = /^([a-z-]+?)(?::([a-z-]+))?=([a-z]+)$/;

/**
 * `VERIFICATION_MINIMUMS`: comma-separated `agency[:life-event]=level`, e.g.
 * `gp-practice:someone-died=medium,jobcentre=medium`. A life event narrows a minimum to that life event.
 */
export const verificationMinimumsSchema = z.string().transform((text, ctx): VerificationMinimums => {
  const overrides: VerificationMinimums['overrides'] = [];
  for (const part of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [, agency = '', lifeEvent, level = ''] = item.exec(part) ?? [];
    if (
      !(agencyKinds as readonly string[]).includes(agency) ||
      (lifeEvent !== undefined && !(lifeEventIds as readonly string[]).includes(lifeEvent)) ||
      !(verificationLevels as readonly string[]).includes(level)
    ) {
      ctx.addIssue({
        code: 'custom',
        message: `must be agency[:life-event]=low|medium|high, e.g. gp-practice:someone-died=medium (could not read "${part}")`,
      });
      return z.NEVER;
    }
    overrides.push({
      agency: agency as AgencyKind,
      ...(lifeEvent ? { lifeEvent: lifeEvent as LifeEventId } : {}),
      level: level as VerificationLevel,
    });
  }
  return { overrides };
});

/**
 * The level a notification must reach before it is sent to an organisation of kind `agency`: the
 * organisation's own minimum (`own`, set by an admin), else the most specific configured setting
 * (agency and life event, then agency), else `low`. A report with no level at all (an online
 * report not yet confirmed) meets no minimum, whatever is configured.
 */
export function minimumFor(
  minimums: VerificationMinimums,
  agency: AgencyKind,
  lifeEvent: LifeEventId | undefined,
  own?: VerificationLevel,
): VerificationLevel {
  if (own) return own;
  const exact = minimums.overrides.find((o) => o.agency === agency && o.lifeEvent === lifeEvent);
  const general = minimums.overrides.find((o) => o.agency === agency && o.lifeEvent === undefined);
  return exact?.level ?? general?.level ?? 'low';
}
