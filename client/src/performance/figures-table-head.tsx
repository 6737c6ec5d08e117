/** A figures table's column headings: the first names the row, the rest head numbers (right-aligned). */
export function FiguresTableHead({ columns }: { columns: readonly string[] }) {
  return (
    <thead className="govuk-table__head">
      <tr className="govuk-table__row">
        {columns.map((column, index) => (
          <th
            key={column}
            scope="col"
            className={`govuk-table__header${index > 0 ? ' govuk-table__header--numeric' : ''}`}
          >
            {column}
          </th>
        ))}
      </tr>
    </thead>
  );
}
