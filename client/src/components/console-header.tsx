import type { ReactNode } from 'react';

/** A form of one button posting to `action` with the session's anti-forgery token (sign out, end a session). */
export function PostButton({
  action,
  csrfToken,
  label,
  secondary = true,
}: {
  action: string;
  csrfToken: string;
  label: string;
  secondary?: boolean;
}) {
  return (
    <form method="post" action={action} className="govuk-!-display-inline-block govuk-!-margin-right-2">
      <input type="hidden" name="_csrf" value={csrfToken} />
      <button
        type="submit"
        className={`govuk-button${secondary ? ' govuk-button--secondary' : ''} govuk-!-margin-bottom-2`}
        data-module="govuk-button"
      >
        {label}
      </button>
    </form>
  );
}

/**
 * The header of a signed-in console (staff, agency portal): its sections as links, who is signed
 * in, then the console's own controls (sign-out buttons and the like) as children.
 */
export function ConsoleHeader({
  navLabel,
  links,
  signedInAs,
  children,
}: {
  navLabel: string;
  /** Each section as `[href, label]`. */
  links: readonly (readonly string[])[];
  signedInAs: string;
  children: ReactNode;
}) {
  return (
    <div className="govuk-!-margin-bottom-6">
      <nav aria-label={navLabel}>
        <ul className="govuk-list">
          {links.map(([href = '', label]) => (
            <li key={href} className="govuk-!-display-inline-block govuk-!-margin-right-4">
              <a className="govuk-link govuk-link--no-visited-state" href={href}>
                {label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <p className="govuk-body-s">{signedInAs}</p>
      {children}
    </div>
  );
}
