/** The first page a resident sees: what the service does, what they need, and other ways to do it. */
export function StartPage() {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-xl">Tell us once about a change in your life</h1>
        <p className="govuk-body">
          When something important happens, you can tell us once. We pass it on to every service that needs to know, so you do
          not have to tell each one yourself.
        </p>
        <p className="govuk-body">You can use this service to tell us that:</p>
        <ul className="govuk-list govuk-list--bullet">
          <li>someone has died</li>
          <li>a baby has been born</li>
          <li>you are moving home</li>
          <li>your work or income has changed</li>
          <li>someone has moved into or out of your home</li>
        </ul>
        <p className="govuk-body">
          We can tell your local council, your GP and the NHS, your housing association or council landlord, and Jobcentre
          Plus. You choose who we tell.
        </p>
        <h2 className="govuk-heading-m">Before you start</h2>
        <p className="govuk-body">It takes about 10 minutes. It helps to have:</p>
        <ul className="govuk-list govuk-list--bullet">
          <li>National Insurance numbers, if you know them</li>
          <li>NHS numbers, if you know them</li>
          <li>addresses and dates</li>
        </ul>
        <a href="/start" role="button" draggable="false" className="govuk-button govuk-button--start" data-module="govuk-button">
          Start now
          <svg className="govuk-button__start-icon" xmlns="http://www.w3.org/2000/svg" width="17.5" height="19" viewBox="0 0 33 40" aria-hidden="true" focusable="false">
            <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
          </svg>
        </a>
        <h2 className="govuk-heading-m">Other ways to tell us</h2>
        <p className="govuk-body">
          You can ask an adviser to do this with you. Call the customer centre or visit us in person. We can help if English
          is not your first language, and we can arrange an interpreter.
        </p>
      </div>
    </div>
  );
}
