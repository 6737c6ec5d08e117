import type { ReactNode } from 'react';

/** A GOV.UK notification banner that is part of the page (not announced): `id` names it, and its title is `{id}-title`. */
export function NoticeBanner({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <div className="govuk-notification-banner" role="region" aria-labelledby={`${id}-title`} id={id}>
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id={`${id}-title`}>
          {title}
        </h2>
      </div>
      <div className="govuk-notification-banner__content">{children}</div>
    </div>
  );
}
