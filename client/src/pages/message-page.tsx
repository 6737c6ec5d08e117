import { useTranslation } from 'react-i18next';

/** The `messages` keys of each plain page: page not found, a problem with the service, the service unavailable, or start again. */
const messageKeys = {
  'not-found': { heading: 'messages.notFoundTitle', body: 'messages.notFoundBody' },
  error: { heading: 'messages.errorTitle', body: 'messages.errorBody' },
  // The database cannot be reached: nothing can be said to have been saved.
  unavailable: { heading: 'messages.errorTitle', body: 'messages.unavailableBody' },
  'session-expired': { heading: 'messages.sessionExpiredTitle', body: 'messages.sessionExpiredBody' },
} as const;

/** A plain page with a heading and a line of text. */
export function MessagePage({ kind }: { kind: keyof typeof messageKeys }) {
  const { t } = useTranslation();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{t(messageKeys[kind].heading)}</h1>
        <p className="govuk-body">{t(messageKeys[kind].body)}</p>
        <p className="govuk-body">
          <a className="govuk-link" href="/">
            {t('messages.startPageLink')}
          </a>
        </p>
      </div>
    </div>
  );
}
