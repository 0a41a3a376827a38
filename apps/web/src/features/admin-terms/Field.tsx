import { cloneElement, type ReactElement, useId } from 'react';

/**
 * A labelled form control. The label points at the control by id rather than wrapping it, so a
 * select's accessible name is its label alone, not the label followed by all of its options.
 */
export function Field({
  label,
  className,
  children,
}: {
  label: string;
  className?: string;
  children: ReactElement<{ id?: string }>;
}) {
  const id = useId();
  return (
    <div className={className ? `at-field ${className}` : 'at-field'}>
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, { id })}
    </div>
  );
}
