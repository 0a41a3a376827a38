import { Button } from '@mantine/core';
import { useI18n } from '../i18n.ts';

/** Opens the browser's print dialog; the A4 print stylesheet (leaders.css) lays the page out. */
export function PrintButton() {
  const { t } = useI18n();
  return (
    <Button size="xs" variant="default" className="print-button no-print" onClick={() => window.print()}>
      {t('print.button')}
    </Button>
  );
}
