/** Stable ids of the life events, used in URLs, the API and payloads. Never rename one. */
export const lifeEventIds = [
  'someone-died',
  'baby-born',
  'moving-home',
  'change-in-work-or-income',
  'someone-moving-in-or-out',
] as const;

/** One of {@link lifeEventIds}. */
export type LifeEventId = (typeof lifeEventIds)[number];
