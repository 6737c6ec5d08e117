import { agencyKinds, lifeEventIds, type AgencyKind, type LifeEventId } from '@tuo/shared';
import { z } from 'zod';
import type { ServiceLevels } from './targets.js';

const item = /^([a-z-]+)(?::([a-z-]+))?=(\d{1,3})\/(\d{1,3})$/;

/**
 * `TARGET_OVERRIDES`: comma-separated `agency[:life-event]=acknowledge/action` in working days,
 * e.g. `gp-practice=1/5,council:someone-died=1/3`. A life event narrows an override to that life event.
 */
export const targetOverridesSchema = z.string().transform((text, ctx): ServiceLevels['overrides'] => {
  const overrides: {
    agency: AgencyKind;
    lifeEvent?: LifeEventId;
    target: { acknowledgeDays: number; actionDays: number };
  }[] = [];
  for (const part of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const match = item.exec(part);
    const [, agency = '', lifeEvent, acknowledge = '', action = ''] = match ?? [];
    if (
      !match ||
      !(agencyKinds as readonly string[]).includes(agency) ||
      (lifeEvent !== undefined && !(lifeEventIds as readonly string[]).includes(lifeEvent))
    ) {
      ctx.addIssue({
        code: 'custom',
        message: `must be agency[:life-event]=acknowledge/action in working days, e.g. gp-practice=1/5 (could not read "${part}")`,
      });
      return z.NEVER;
    }
    overrides.push({
      agency: agency as AgencyKind,
      ...(lifeEvent ? { lifeEvent: lifeEvent as LifeEventId } : {}),
      target: { acknowledgeDays: Number(acknowledge), actionDays: Number(action) },
    });
  }
  return overrides;
});
