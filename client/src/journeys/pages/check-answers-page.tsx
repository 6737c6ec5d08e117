import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { dontKnowOrganisation, getPage, isPeopleAnswer, type FieldDefinition, type LifeEventId } from '@tuo/shared';
import { journeyDefinitions } from '@tuo/shared/journeys/journey-definitions';
import type { CheckAnswersProps, CheckAnswersRow } from '@tuo/shared/pages/page-model';
import { catalogueKey } from '../../i18n/catalogue-keys.js';
import { formatAnswer } from '../format-answer.js';
import { inSentence } from '../in-sentence.js';
import { leftToRightKinds } from '../../i18n/left-to-right.js';
import { useReader } from '../../i18n/reader.js';
import { fieldLabel, sectionText } from '../../i18n/translate-definition.js';

/** One row of a summary list: its key, its value and a Change link naming what it changes. */
function SummaryRow({ label, changeHref, children }: { label: string; changeHref: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{label}</dt>
      <dd className="govuk-summary-list__value">{children}</dd>
      <dd className="govuk-summary-list__actions">
        <a className="govuk-link" href={changeHref}>
          {t('actions.change')}
          <span className="govuk-visually-hidden"> {inSentence(label)}</span>
        </a>
      </dd>
    </div>
  );
}

/** One summary list: each answer with its Change link. */
function SummaryRows({
  lifeEvent,
  rows,
  fields,
}: {
  lifeEvent: LifeEventId;
  rows: readonly CheckAnswersRow[];
  fields: ReadonlyMap<string, FieldDefinition>;
}) {
  const { t } = useTranslation();
  const reader = useReader();
  return (
    <dl className="govuk-summary-list govuk-!-margin-bottom-9">
      {rows.flatMap((row) => {
        const field = fields.get(row.fieldName);
        const label = field
          ? fieldLabel(t, lifeEvent, field, reader)
          : t(catalogueKey.field(lifeEvent, row.fieldName, 'label'));
        // One summary row per person of a people field ("Person 2"), each changed on the list's page.
        if (field?.kind === 'people' && isPeopleAnswer(row.answer ?? undefined))
          return formatAnswer(t, lifeEvent, field, row.answer).map((line, index) => {
            const person = t('addAnother.person', { number: index + 1 });
            return (
              <SummaryRow key={`${row.fieldName}-${String(index)}`} label={person} changeHref={row.changeHref}>
                <bdi>{line}</bdi>
              </SummaryRow>
            );
          });
        // An organisation's name is the directory's (the server words it); only "I don't know" is ours to translate.
        const lines = !field
          ? []
          : field.kind === 'organisation' && row.answer !== dontKnowOrganisation && row.organisationName
            ? [row.organisationName]
            : formatAnswer(t, lifeEvent, field, row.answer);
        return [
          <SummaryRow key={row.fieldName} label={label} changeHref={row.changeHref}>
            {lines.length === 0 ? (
              <span className="govuk-hint govuk-!-margin-bottom-0">{t('checkAnswers.notGiven')}</span>
            ) : (
              lines.map((line, index) => (
                // Numbers and codes (and an address's postcode, its last line) stay left to right; other lines are isolated in their own direction.
                <span key={index}>
                  {index > 0 ? <br /> : null}
                  {field &&
                  (leftToRightKinds.has(field.kind) || (field.kind === 'address' && index === lines.length - 1)) ? (
                    <span dir="ltr">{line}</span>
                  ) : (
                    <bdi>{line}</bdi>
                  )}
                </span>
              ))
            )}
          </SummaryRow>,
        ];
      })}
    </dl>
  );
}

/**
 * "Check your answers": the answers grouped under the journey's section headings ("The person who
 * died", "About you"), a summary list each, with a Change link per answer; Change comes back here.
 */
export function CheckAnswersPage({ lifeEvent, rows, continueHref }: CheckAnswersProps) {
  const { t } = useTranslation();
  const reader = useReader();
  const fields = new Map<string, FieldDefinition>(
    journeyDefinitions[lifeEvent].pages.flatMap((page) => page.fields.map((field) => [field.name, field])),
  );
  // Consecutive answers of one section under its heading, in the order they were asked.
  const groups: { sectionPageId: string | null; rows: CheckAnswersRow[] }[] = [];
  for (const row of rows) {
    const last = groups.at(-1);
    if (last?.sectionPageId === row.sectionPageId) last.rows.push(row);
    else groups.push({ sectionPageId: row.sectionPageId, rows: [row] });
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <span className="govuk-caption-l">{t(catalogueKey.journey(lifeEvent, 'title'))}</span>
        <h1 className="govuk-heading-l">{t('checkAnswers.title')}</h1>
        {groups.map((group) => (
          <Fragment key={group.sectionPageId ?? 'none'}>
            {group.sectionPageId ? (
              <h2 className="govuk-heading-m" id={`section-${group.sectionPageId}`}>
                {sectionText(t, lifeEvent, getPage(journeyDefinitions[lifeEvent], group.sectionPageId), reader)}
              </h2>
            ) : null}
            <SummaryRows lifeEvent={lifeEvent} rows={group.rows} fields={fields} />
          </Fragment>
        ))}
        <h2 className="govuk-heading-m">{t('checkAnswers.nextHeading')}</h2>
        <p className="govuk-body">{t('checkAnswers.nextBody')}</p>
        <a href={continueHref} role="button" draggable="false" className="govuk-button" data-module="govuk-button">
          {t('actions.continue')}
        </a>
      </div>
    </div>
  );
}
