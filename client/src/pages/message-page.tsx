/** A plain page with a heading and a line of text: page not found, or a problem with the service. */
export function MessagePage({ heading, body }: { heading: string; body: string }) {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{heading}</h1>
        <p className="govuk-body">{body}</p>
        <p className="govuk-body">
          <a className="govuk-link" href="/">
            Go to the start page
          </a>
        </p>
      </div>
    </div>
  );
}
