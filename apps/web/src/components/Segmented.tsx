import { useId } from 'react';

/**
 * A few choices side by side, one selected: native radio buttons styled as one pill. It replaces
 * Mantine's SegmentedControl, whose sliding indicator measured the page after every render: on a
 * slow phone the overview's five of them cost forced layouts while the page loaded
 * (docs/decisions/0020-serving-the-web-app.md). Keyboard and screen readers get plain radios.
 */
export function Segmented<T extends string>({
  data,
  value,
  onChange,
  size = 'sm',
  className,
  ...labelling
}: {
  data: readonly { value: T; label: string }[];
  value: T | '';
  onChange: (value: T) => void;
  size?: 'xs' | 'sm';
  className?: string;
} & ({ 'aria-label': string } | { 'aria-labelledby': string })) {
  const name = useId();
  return (
    <div
      role="radiogroup"
      className={`segmented segmented--${size}${className ? ` ${className}` : ''}`}
      {...labelling}
    >
      {data.map((item) => (
        <label key={item.value} className="segmented__item">
          <input
            type="radio"
            className="segmented__input"
            name={name}
            value={item.value}
            checked={item.value === value}
            onChange={() => onChange(item.value)}
          />
          <span className="segmented__label">{item.label}</span>
        </label>
      ))}
    </div>
  );
}
