import { Button } from '@mantine/core';
import { useRef, useState } from 'react';
import { Dialog } from '../../../components/Dialog.tsx';
import { useI18n } from '../../../i18n.ts';
import { errorMessage } from '../../../lib/api-client.ts';
import type { EntryParams } from '../api/get-entry-grid.ts';
import { templateUrl, useApplyImport, usePreviewImport } from '../api/import-excel.ts';

/**
 * Excel in and out: download the fill-in template for this unit and period; upload it filled in,
 * see what it would change (and the cells it cannot read), then write it, all or nothing.
 */
export function ExcelImport({
  params,
  canImport,
  onApplied,
}: {
  params: EntryParams;
  canImport: boolean;
  onApplied: (message: string) => void;
}) {
  const { t } = useI18n();
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const preview = usePreviewImport(params);
  const apply = useApplyImport(params);
  const close = () => {
    setFile(null);
    preview.reset();
    apply.reset();
  };
  const data = preview.data;
  // A commune's file holds only itself; a district's holds its communes: name them then.
  const manyUnits = new Set(data?.changes.map((c) => c.unitId)).size > 1;
  return (
    <div className="excel-tools">
      <a className="excel-tools__download" href={templateUrl(params)} download>
        {t('excel.download')}
      </a>
      {canImport && (
        <>
          <Button size="xs" variant="default" onClick={() => fileInput.current?.click()}>
            {t('excel.upload')}
          </Button>
          <input
            ref={fileInput}
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            className="visually-hidden"
            tabIndex={-1}
            aria-hidden="true"
            onChange={(event) => {
              const chosen = event.currentTarget.files?.[0];
              event.currentTarget.value = '';
              if (!chosen) return;
              setFile(chosen);
              preview.mutate(chosen);
            }}
          />
        </>
      )}
      <Dialog
        open={file !== null}
        onClose={close}
        title={t('excel.previewTitle', { file: file?.name ?? '' })}
        wide
        actions={
          <>
            <Button variant="default" onClick={close}>
              {t('dialog.cancel')}
            </Button>
            <Button
              disabled={!data || data.changes.length === 0 || data.problems.length > 0}
              loading={apply.isPending}
              onClick={() => {
                if (!file) return;
                apply.mutate(file, {
                  onSuccess: (result) => {
                    close();
                    onApplied(t('excel.applied', { count: result.applied }));
                  },
                });
              }}
            >
              {t('excel.apply', { count: data?.changes.length ?? 0 })}
            </Button>
          </>
        }
      >
        {preview.isPending && <p role="status">{t('excel.reading')}</p>}
        {preview.isError && (
          <p className="dialog__error" role="alert">
            {errorMessage(preview.error)}
          </p>
        )}
        {apply.isError && (
          <p className="dialog__error" role="alert">
            {errorMessage(apply.error)}
          </p>
        )}
        {data && (
          <>
            <p>
              {t('excel.summary', {
                changes: data.changes.length,
                unchanged: data.unchanged,
                problems: data.problems.length,
              })}
            </p>
            {data.problems.length > 0 && (
              <>
                <h3 className="dialog__subtitle">{t('excel.problems')}</h3>
                <ul className="excel-problems">
                  {data.problems.map((p) => (
                    <li key={`${p.sheet}!${p.cell}`}>
                      <strong>{p.cell}</strong>: {p.message}
                    </li>
                  ))}
                </ul>
              </>
            )}
            {data.changes.length > 0 && (
              <table className="data-table">
                <thead>
                  <tr>
                    {manyUnits && <th scope="col">{t('excel.unit')}</th>}
                    <th scope="col">{t('excel.indicator')}</th>
                    <th scope="col">{t('excel.before')}</th>
                    <th scope="col">{t('excel.after')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.changes.map((c) => (
                    <tr key={`${c.unitId}:${c.indicatorId}`}>
                      {manyUnits && <td>{c.unitName}</td>}
                      <th scope="row">{c.indicatorName}</th>
                      <td>{c.beforeText ?? '—'}</td>
                      <td>
                        <strong>{c.afterText}</strong>
                        {c.warnings.map((w) => (
                          <span key={w.code} className="cell-msg cell-msg--warn">
                            {w.message}
                          </span>
                        ))}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </>
        )}
      </Dialog>
    </div>
  );
}
