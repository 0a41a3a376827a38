/** A ring split into equal slices, one per counted target, coloured by status (decorative). */
export function Ring({
  slices,
  size = 132,
  thickness = 14,
  label,
}: {
  slices: string[];
  size?: number;
  thickness?: number;
  label: string;
}) {
  const r = (size - thickness) / 2;
  const c = 2 * Math.PI * r;
  const gap = slices.length > 1 ? 3 : 0;
  const slice = slices.length > 0 ? c / slices.length : c;
  return (
    <svg
      className="headline__ring"
      width={size}
      height={size}
      viewBox={`0 0 ${size} ${size}`}
      aria-hidden="true"
      focusable="false"
    >
      <circle cx={size / 2} cy={size / 2} r={r} fill="none" stroke="#E3E7EC" strokeWidth={thickness} />
      <g transform={`rotate(-90 ${size / 2} ${size / 2})`}>
        {slices.map((colour, i) => (
          <circle
            // biome-ignore lint/suspicious/noArrayIndexKey: the slices are drawn in a fixed order
            key={i}
            cx={size / 2}
            cy={size / 2}
            r={r}
            fill="none"
            stroke={colour}
            strokeWidth={thickness}
            strokeDasharray={`${Math.max(0, slice - gap)} ${c}`}
            strokeDashoffset={-i * slice}
          />
        ))}
      </g>
      <text x="50%" y="50%" dominantBaseline="central" textAnchor="middle" className="headline__ring-label">
        {label}
      </text>
    </svg>
  );
}
