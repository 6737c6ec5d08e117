import { agencyKinds, lifeEventIds, type AgencyKind, type LifeEventId } from '@tuo/shared';
import {
  suppressionThreshold,
  type NotificationFigures,
  type OrganisationFigures,
  type PerformanceFigures,
  type StepFigures,
  type SubmissionFigures,
} from '@tuo/shared/api/performance';
import { partsToWithhold } from './complementary-suppression.js';
import type { NotificationGroup, OrganisationGroup, StepCounts, SubmissionGroup } from './performance-groups.js';

/** An organisation as the figures name it. */
export interface FiguresOrganisation {
  id: string;
  kind: string;
  name: string;
  code: string | null;
}

const round = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places;
const shown = (value: number) => (value < suppressionThreshold ? null : value);
const none: StepCounts = { done: 0, median: null, p90: null, judged: 0, within: 0 };

function stepFigures(counts: StepCounts): StepFigures {
  const enoughDone = counts.done >= suppressionThreshold;
  const enoughJudged = counts.judged >= suppressionThreshold;
  return {
    done: shown(counts.done),
    medianWorkingDays: enoughDone ? counts.median : null,
    p90WorkingDays: enoughDone ? counts.p90 : null,
    judged: shown(counts.judged),
    withinTargetShare: enoughJudged ? round(counts.within / counts.judged, 3) : null,
  };
}

function submissionFigures(lifeEvent: LifeEventId | 'all', groups: readonly SubmissionGroup[]): SubmissionFigures {
  const total = (pick: (g: SubmissionGroup) => number) => groups.reduce((sum, group) => sum + pick(group), 0);
  const submissions = total((g) => g.submissions);
  const enough = submissions >= suppressionThreshold;
  return {
    lifeEvent,
    submissions: shown(submissions),
    assistedShare: enough ? round(total((g) => (g.channel === 'assisted' ? g.submissions : 0)) / submissions, 3) : null,
    agenciesPerSubmission: enough ? round(total((g) => g.agenciesTold) / submissions, 2) : null,
    contactsSaved: enough ? shown(total((g) => g.contactsSaved)) : null,
  };
}

/** Notifications sent and each step's figures, withheld below the threshold. */
const notificationFigures = (group: NotificationGroup | undefined) => ({
  sent: shown(group?.sent ?? 0),
  acknowledge: stepFigures(group?.acknowledge ?? none),
  action: stepFigures(group?.action ?? none),
});

/**
 * Every life event's (and all together) row for each organisation told in the period, by kind in
 * the kinds' order and then by name, withheld as the kinds' rows are.
 */
function organisationFigures(
  groups: readonly OrganisationGroup[],
  directory: readonly FiguresOrganisation[],
  lifeEvents: readonly (LifeEventId | 'all')[],
): OrganisationFigures[] {
  const byKey = new Map(groups.map((group) => [`${group.organisationId}/${group.lifeEvent}`, group]));
  const told = new Set(groups.map((group) => group.organisationId));
  const ranked = directory.flatMap((org) => {
    const rank = agencyKinds.findIndex((kind) => kind === org.kind);
    const agency = agencyKinds[rank];
    return told.has(org.id) && agency ? [{ org, agency, rank }] : [];
  });
  const rows = ranked
    .sort((a, b) => a.rank - b.rank || a.org.name.localeCompare(b.org.name, 'en-GB'))
    .flatMap(({ org, agency }) =>
      lifeEvents.map((lifeEvent) => {
        const group = byKey.get(`${org.id}/${lifeEvent}`);
        const figures: OrganisationFigures = {
          agency,
          lifeEvent,
          organisation: { id: org.id, name: org.name, code: org.code },
          ...notificationFigures(group),
        };
        return { figures, group };
      }),
    );
  // An organisation's counts are parts of its kind's row, which is published: withhold enough of
  // them that none below 10 can be worked out from the others (complementary-suppression.ts).
  const buckets = new Map<string, typeof rows>();
  for (const row of rows) {
    const key = `${row.figures.agency}/${row.figures.lifeEvent}`;
    buckets.set(key, [...(buckets.get(key) ?? []), row]);
  }
  for (const bucket of buckets.values())
    for (const measure of partMeasures) {
      const withheld = partsToWithhold(bucket.map((row) => (row.group ? measure.count(row.group) : 0)));
      for (const [i, row] of bucket.entries()) if (withheld[i]) measure.withhold(row.figures);
    }
  return rows.map((row) => row.figures);
}

/** Each count a kind's row adds up from its organisations', and what withholding it withholds. */
const partMeasures: {
  count: (group: NotificationGroup) => number;
  withhold: (figures: NotificationFigures) => void;
}[] = [
  {
    count: (group) => group.sent,
    withhold: (figures) => {
      figures.sent = null;
    },
  },
  ...(['acknowledge', 'action'] as const).flatMap((step) => [
    {
      count: (group: NotificationGroup) => group[step].done,
      withhold: (figures: NotificationFigures) => {
        figures[step] = { ...figures[step], done: null, medianWorkingDays: null, p90WorkingDays: null };
      },
    },
    {
      count: (group: NotificationGroup) => group[step].judged,
      withhold: (figures: NotificationFigures) => {
        figures[step] = { ...figures[step], judged: null, withinTargetShare: null };
      },
    },
  ]),
];

/**
 * The published figures, from the counts the database aggregated (performance-query.ts): per
 * kind of organisation, and per organisation told in the period (named from `directory`), and life
 * event (and every life event together), notifications sent and the working days
 * taken to acknowledge and to action them (median, 90th percentile, share within target); per life
 * event, reports made, the share made with an adviser and contacts saved. Any count below
 * {@link suppressionThreshold} is withheld (null), and so is every figure worked out from it, so no
 * one can be picked out of a small number.
 */
export function performanceFigures(input: {
  notifications: readonly NotificationGroup[];
  organisations: readonly OrganisationGroup[];
  directory: readonly FiguresOrganisation[];
  submissions: readonly SubmissionGroup[];
  from: Date;
  to: Date;
}): PerformanceFigures {
  const byKey = new Map(input.notifications.map((group) => [`${group.agency}/${group.lifeEvent}`, group]));
  const lifeEvents: (LifeEventId | 'all')[] = [...lifeEventIds, 'all'];
  const notifications: NotificationFigures[] = agencyKinds.flatMap((agency: AgencyKind) =>
    lifeEvents.map((lifeEvent) => ({ agency, lifeEvent, ...notificationFigures(byKey.get(`${agency}/${lifeEvent}`)) })),
  );
  const submissions = lifeEvents.map((lifeEvent) =>
    submissionFigures(
      lifeEvent,
      input.submissions.filter((group) => lifeEvent === 'all' || group.lifeEvent === lifeEvent),
    ),
  );
  return {
    from: input.from.toISOString(),
    to: input.to.toISOString(),
    suppressionThreshold,
    notifications,
    organisations: organisationFigures(input.organisations, input.directory, lifeEvents),
    submissions,
  };
}
