import type { ReactNode } from 'react';

/**
 * A table too wide for a small screen, scrolling sideways inside its own region rather than the
 * page (WCAG 1.4.10 Reflow): the region is named by the table's caption and takes keyboard focus,
 * so it can be scrolled without a mouse.
 */
export function TableScroller({ id, caption, children }: { id: string; caption: string; children: ReactNode }) {
  return (
    // A scrolling region must take focus for keyboard users to scroll it (the GOV.UK and WAI pattern).
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
    <div className="app-table-scroller" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
      <table className="govuk-table" id={id}>
        <caption className="govuk-table__caption govuk-table__caption--s" id={`${id}-caption`}>
          {caption}
        </caption>
        {children}
      </table>
    </div>
  );
}
