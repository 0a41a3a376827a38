import { formatDate, isIsoDate, parseDate } from '@chitieu/core';
import { Button, TextInput } from '@mantine/core';
import { useEffect, useId, useState } from 'react';
import { useI18n } from '../../../i18n.ts';

const display = (iso: string | undefined) =>
  iso === undefined ? '' : isIsoDate(iso) ? formatDate(iso) : iso;

/** The as-of date, typed as dd/mm/yyyy and read by core's parseDate (its message on a bad date). */
export function AsOfForm({
  asOf,
  onChange,
  termRange,
}: {
  asOf: string | undefined;
  onChange: (iso: string) => void;
  /** The term's dates, shown as a hint: figures exist only within them. */
  termRange: { start: string; end: string } | undefined;
}) {
  const { t } = useI18n();
  const [text, setText] = useState(display(asOf));
  const [error, setError] = useState<string | null>(null);
  const hintId = useId();

  useEffect(() => {
    setText(display(asOf));
    setError(null);
  }, [asOf]);

  return (
    <form
      className="as-of"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const parsed = parseDate(text);
        if (!parsed.ok) {
          setError(parsed.message);
          return;
        }
        setError(null);
        setText(formatDate(parsed.value));
        if (parsed.value !== asOf) onChange(parsed.value);
      }}
    >
      <TextInput
        className="as-of__input"
        label={t('scope.asOf')}
        placeholder={t('scope.asOfPlaceholder')}
        inputMode="numeric"
        autoComplete="off"
        value={text}
        onChange={(event) => {
          setText(event.currentTarget.value);
          if (error) setError(null);
        }}
        error={error}
        description={
          termRange
            ? t('scope.asOfRange', { start: formatDate(termRange.start), end: formatDate(termRange.end) })
            : undefined
        }
        inputWrapperOrder={['label', 'input', 'description', 'error']}
        aria-describedby={hintId}
        errorProps={{ role: 'alert' }}
      />
      <span id={hintId} className="visually-hidden">
        {t('scope.asOfHint')}
      </span>
      <Button type="submit" className="as-of__submit" variant="filled">
        {t('scope.apply')}
      </Button>
    </form>
  );
}
