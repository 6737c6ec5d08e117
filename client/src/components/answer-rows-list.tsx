/**
 * A report's answers as a GOV.UK summary list, each answer's lines one under another: what staff
 * and agency staff read of a report (the server words them, in English).
 */
export function AnswerRowsList({ rows }: { rows: readonly { label: string; lines: readonly string[] }[] }) {
  return (
    <dl className="govuk-summary-list">
      {rows.map((row, index) => (
        <div key={index} className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">{row.label}</dt>
          <dd className="govuk-summary-list__value">
            {row.lines.map((line, lineIndex) => (
              <span key={lineIndex} className="govuk-!-display-block">
                {line}
              </span>
            ))}
          </dd>
        </div>
      ))}
    </dl>
  );
}
