import { Button } from '@mantine/core';
import { type ReactNode, useEffect, useId, useRef } from 'react';
import { useI18n } from '../i18n.ts';

/**
 * A modal dialog on the browser's own <dialog>: focus moves in and back out, Escape closes it,
 * the page behind is inert. `onClose` runs however it was closed.
 */
export function Dialog({
  open,
  onClose,
  title,
  children,
  actions,
  wide = false,
  onSubmit,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
  /** Buttons at the bottom (inside the form when `onSubmit` is given). */
  actions?: ReactNode;
  wide?: boolean;
  /** Makes the body a form: Enter in a field submits it. */
  onSubmit?: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  const body = (
    <>
      <div className="dialog__body">{children}</div>
      {actions && <div className="dialog__actions">{actions}</div>}
    </>
  );
  return (
    <dialog
      ref={ref}
      className={wide ? 'dialog dialog--wide' : 'dialog'}
      aria-labelledby={titleId}
      onClose={() => {
        if (open) onClose();
      }}
    >
      {open && (
        <>
          <h2 className="dialog__title" id={titleId}>
            {title}
          </h2>
          {onSubmit ? (
            <form
              noValidate
              onSubmit={(event) => {
                event.preventDefault();
                onSubmit();
              }}
            >
              {body}
            </form>
          ) : (
            body
          )}
        </>
      )}
    </dialog>
  );
}

/** The usual buttons of a form dialog: cancel, and submit with the form's own label. */
export function DialogActions({
  onClose,
  pending,
  label,
}: {
  onClose: () => void;
  pending: boolean;
  label: string;
}) {
  const { t } = useI18n();
  return (
    <>
      <Button variant="default" onClick={onClose}>
        {t('dialog.cancel')}
      </Button>
      <Button type="submit" loading={pending}>
        {label}
      </Button>
    </>
  );
}
