import type { ReactNode } from 'react';

/**
 * Holds a table too wide for a small screen, which then scrolls sideways inside this region rather
 * than the page (WCAG 1.4.10 Reflow, the GOV.UK way): the region is named by the table's caption
 * (`captionId`) and takes keyboard focus, so it can be scrolled without a mouse.
 */
export function TableScroller({ captionId, children }: { captionId: string; children: ReactNode }) {
  return (
    // A scrolling region must take focus for keyboard users to scroll it (the GOV.UK and WAI pattern).
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
    <div className="app-table-scroller" role="region" aria-labelledby={captionId} tabIndex={0}>
      {children}
    </div>
  );
}
