/** One bar: what it is, its value (null when withheld) and the words shown beside it. */
export interface Bar {
  label: string;
  value: number | null;
  text: string;
}

const width = 480;
const valueWidth = 150;
const rowHeight = 56;
const barHeight = 20;
const labelHeight = 24;

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
  const height = bars.length * rowHeight + 8;
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
      {bars.map((bar, index) => {
        // The label sits above its bar, so long names are never cut off.
        const y = index * rowHeight + 4;
        const length = bar.value === null || largest === 0 ? 0 : Math.max(2, (bar.value / largest) * plot);
        return (
          <g key={bar.label}>
            <text x={0} y={y + 16} fontSize="16" fill="#0b0c0c">
              {bar.label}
            </text>
            <rect x={0} y={y + labelHeight} width={length} height={barHeight} fill="#1d70b8" />
            <text
              x={length + 6}
              y={y + labelHeight + barHeight / 2}
              dominantBaseline="middle"
              fontSize="16"
              fill="#0b0c0c"
            >
              {bar.text}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
