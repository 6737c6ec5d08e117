/** One bar: what it is, its value (null when withheld) and the words shown beside it. */
export interface Bar {
  label: string;
  value: number | null;
  text: string;
}

// Drawn about as wide as a phone, so its 16-unit text stays near 16 pixels at any width (the CSS
// caps how far it grows on a wide screen); a long label wraps onto a second line.
const width = 320;
const valueWidth = 110;
const lineHeight = 20;
const barHeight = 20;
const rowGap = 12;
/** About how many characters of 16-pixel Arial fit across the chart. */
const lineLength = 36;

/** A label as lines that fit across the chart, broken between words. */
function labelLines(label: string): string[] {
  const lines: string[] = [];
  for (const word of label.split(' ')) {
    const last = lines.at(-1);
    if (last !== undefined && `${last} ${word}`.length <= lineLength) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/**
 * A horizontal bar chart drawn as SVG on the server, so it shows without JavaScript. It is one
 * image to assistive technology (role="img", named by its title and described by its description):
 * the table beside it holds the same figures for reading and copying.
 */
export function BarChart({
  id,
  title,
  description,
  bars,
}: {
  id: string;
  title: string;
  description: string;
  bars: readonly Bar[];
}) {
  const largest = Math.max(0, ...bars.map((bar) => bar.value ?? 0));
  const plot = width - valueWidth;
  // Each bar's label lines, then the bar, then a gap: rows are as tall as their labels need.
  const rows = bars.map((bar) => ({ bar, lines: labelLines(bar.label) }));
  const tops = rows.map((_, index) =>
    rows.slice(0, index).reduce((sum, row) => sum + row.lines.length * lineHeight + barHeight + rowGap, 4),
  );
  const height = rows.reduce((sum, row) => sum + row.lines.length * lineHeight + barHeight + rowGap, 8);
  return (
    <svg
      className="app-bar-chart"
      fontFamily="arial, sans-serif"
      viewBox={`0 0 ${String(width)} ${String(height)}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      focusable="false"
      width="100%"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {rows.map(({ bar, lines }, index) => {
        // The label sits above its bar, so long names are never cut off.
        const y = tops[index] ?? 0;
        const barTop = y + lines.length * lineHeight + 4;
        const length = bar.value === null || largest === 0 ? 0 : Math.max(2, (bar.value / largest) * plot);
        return (
          <g key={bar.label}>
            <text x={0} y={y + 16} fontSize="16" fill="#0b0c0c">
              {lines.map((line, lineIndex) => (
                <tspan key={lineIndex} x={0} dy={lineIndex === 0 ? 0 : lineHeight}>
                  {line}
                </tspan>
              ))}
            </text>
            <rect x={0} y={barTop} width={length} height={barHeight} fill="#1d70b8" />
            <text x={length + 6} y={barTop + barHeight / 2} dominantBaseline="middle" fontSize="16" fill="#0b0c0c">
              {bar.text}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
