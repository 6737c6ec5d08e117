import { catalogue, exampleSubmissions, reachablePages, type Answers, type LifeEventId } from '@tuo/shared';
import type { ConfirmationProps } from '@tuo/shared/pages/page-model';
import { expect } from 'vitest';
import { pageModel, pagePost } from './resident.js';
import type { StaffClient } from './staff-client.js';

/** The example's answers as typed into the pages: manual addresses have no UPRN. */
export function typedAnswers(lifeEvent: LifeEventId): Answers {
  return JSON.parse(
    JSON.stringify(exampleSubmissions[lifeEvent].answers, (key, value: unknown) =>
      key === 'uprn' ? undefined : value,
    ),
  ) as Answers;
}

/** A signed-in adviser starts helping a resident on the phone (security questions asked) and starts the life event. */
export async function startAssisted(client: StaffClient, lifeEvent: LifeEventId): Promise<void> {
  const started = await client.api('POST', '/api/staff/assisted', {
    mode: 'phone',
    identityChecks: ['security-questions'],
    consentConfirmed: true,
  });
  expect(started.statusCode).toBeLessThan(300);
  await client.page('/start');
  await client.form('/start', [['lifeEvent', lifeEvent]]);
}

/**
 * Goes through a resident journey in this browser, to the confirmation page, agreeing to tell the
 * example's agencies; an adviser assisting declares what the resident agreed to.
 */
export async function completeJourney(
  client: StaffClient,
  lifeEvent: LifeEventId,
  assisting = true,
): Promise<ConfirmationProps> {
  const answers = typedAnswers(lifeEvent);
  await client.page('/start');
  await client.form('/start', [['lifeEvent', lifeEvent]]);
  for (const page of reachablePages(catalogue[lifeEvent], answers)) {
    const response = await client.form(`/${lifeEvent}/${page.path}`, pagePost(page, answers));
    expect(response.statusCode, page.path).toBe(303);
  }
  await client.page(`/${lifeEvent}/who-to-tell`);
  await client.form(
    `/${lifeEvent}/who-to-tell`,
    exampleSubmissions[lifeEvent].consent.map((agency) => ['consent', agency] as const),
  );
  await client.page(`/${lifeEvent}/declaration`);
  const declaration = assisting ? 'heard-from-resident' : 'confirmed';
  expect((await client.form(`/${lifeEvent}/declaration`, [['declaration', declaration]])).statusCode).toBe(303);
  const confirmation = pageModel(await client.page(`/${lifeEvent}/confirmation`));
  if (confirmation.page !== 'confirmation') throw new Error(`Expected the confirmation, got ${confirmation.page}`);
  return confirmation.props;
}
