/**
 * Import a unit tree from a CSV or XLSX file: choosing the file shows a preview (encoding, rows,
 * what would be added, every problem by row); "apply" writes all of it or nothing.
 */
import { Alert, Button, FileInput } from '@mantine/core';
import { useState } from 'react';
import { useI18n } from '../../i18n.ts';
import { errorMessage } from '../../lib/api-client.ts';
import { useApplyTree, usePreviewTree } from './api/import-tree.ts';

/** Enough rows to check the file by eye; the counts above cover the rest. */
const SHOWN_ROWS = 300;

export function TreeImport({ onDone }: { onDone: () => void }) {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const preview = usePreviewTree();
  const apply = useApplyTree();
  const data = preview.data;
  const blocked = !data || data.problems.length > 0 || data.created === 0;
  return (
    <section className="tree-import" aria-labelledby="tree-import-title">
      <h3 id="tree-import-title" className="tree-import__title">
        {t('import.title')}
      </h3>
      <p className="tree-import__lead">{t('import.lead')}</p>
      <FileInput
        label={t('import.file')}
        placeholder={t('import.choose')}
        accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        value={file}
        clearable
        onChange={(next) => {
          setFile(next);
          apply.reset();
          if (next) preview.mutate(next);
          else preview.reset();
        }}
      />
      {preview.isPending && <p role="status">{t('import.reading')}</p>}
      {preview.isError && (
        <Alert color="red" variant="light" role="alert">
          {errorMessage(preview.error)}
        </Alert>
      )}
      {apply.isError && (
        <Alert color="red" variant="light" role="alert">
          {errorMessage(apply.error)}
        </Alert>
      )}
      {apply.data && (
        <Alert color="green" variant="light" role="status">
          {t('import.applied', { count: apply.data.created })}
        </Alert>
      )}
      {data && !apply.data && (
        <div className="tree-import__preview">
          <p className="tree-import__summary" data-testid="import-summary">
            {t('import.summary', {
              rows: data.rows.length,
              encoding: data.encoding,
              created: data.created,
            })}{' '}
            {data.byType.map((b) => `${b.count} ${b.type}`).join(', ')}
          </p>
          {data.problems.length > 0 && (
            <div className="tree-import__problems" role="alert">
              <p className="tree-import__problems-title">
                {t('import.problems', { count: data.problems.length })}
              </p>
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col">{t('import.row')}</th>
                    <th scope="col">{t('import.problem')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.problems.map((p) => (
                    <tr key={`${p.row}:${p.message}`}>
                      <td>{p.row}</td>
                      <td>{p.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <div className="tree-import__rows">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t('import.row')}</th>
                  <th scope="col">{t('units.code')}</th>
                  <th scope="col">{t('units.name')}</th>
                  <th scope="col">{t('units.type')}</th>
                  <th scope="col">{t('import.parentCode')}</th>
                  <th scope="col">{t('units.grassroots')}</th>
                  <th scope="col">{t('import.action')}</th>
                </tr>
              </thead>
              <tbody>
                {data.rows.slice(0, SHOWN_ROWS).map((r) => (
                  <tr key={r.row} className="tree-import__row">
                    <td>{r.row}</td>
                    <td>{r.code}</td>
                    <td>{r.name}</td>
                    <td>{r.type}</td>
                    <td>{r.parentCode}</td>
                    <td>{r.isGrassroots ? '✓' : ''}</td>
                    <td>
                      {r.action === 'match' ? t('import.match') : t('import.create')}
                      {r.note && <span className="tree-import__note"> — {r.note}</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="tree-import__actions">
            <Button
              disabled={blocked}
              loading={apply.isPending}
              onClick={() => file && apply.mutate(file, { onSuccess: () => setTimeout(onDone, 1500) })}
            >
              {t('import.apply', { count: data.created })}
            </Button>
            {data.problems.length > 0 && <span className="tree-import__blocked">{t('import.blocked')}</span>}
            {data.problems.length === 0 && data.created === 0 && (
              <span className="tree-import__same">{t('import.nothingNew')}</span>
            )}
          </div>
        </div>
      )}
    </section>
  );
}
