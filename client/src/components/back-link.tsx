/** The GOV.UK back link: a real link to the previous page, so it works without JavaScript. */
export function BackLink({ href }: { href: string }) {
  return (
    <a href={href} className="govuk-back-link">
      Back
    </a>
  );
}
