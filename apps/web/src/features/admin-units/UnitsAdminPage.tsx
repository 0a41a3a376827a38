/**
 * "Đơn vị": the admin's unit tree in the structure version in force today. Add, edit (name, code,
 * type, grassroots), move, close; import a tree file with a preview and all-or-nothing apply;
 * export it. ?page=units. Loaded on demand.
 */
import './admin-units.css';
import { formatDate, UNIT_TYPES } from '@chitieu/core';
import { Alert, Button, NativeSelect, TextInput } from '@mantine/core';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { Dialog, DialogActions } from '../../components/Dialog.tsx';
import { ErrorState, PageLoading, RetryButton } from '../../components/States.tsx';
import { UnitPicker } from '../../components/UnitPicker.tsx';
import { useI18n } from '../../i18n.ts';
import { errorMessage } from '../../lib/api-client.ts';
import { useCloseUnit } from './api/close-unit.ts';
import { useCreateUnit } from './api/create-unit.ts';
import { type AdminUnit, useAdminUnits } from './api/get-admin-units.ts';
import { exportUrl } from './api/import-tree.ts';
import { useMoveUnit } from './api/move-unit.ts';
import { useUpdateUnit } from './api/update-unit.ts';
import { TreeImport } from './TreeImport.tsx';
import { TreeStart } from './TreeStart.tsx';

type Open = { kind: 'create' } | { kind: 'edit' | 'move' | 'close'; unit: AdminUnit } | null;

const isOpen = (u: AdminUnit) => u.validTo === null;

export default function UnitsAdminPage() {
  const { t } = useI18n();
  const units = useAdminUnits();
  const update = useUpdateUnit();
  const [dialog, setDialog] = useState<Open>(null);
  const [importing, setImporting] = useState(false);
  const [filter, setFilter] = useState('');
  useEffect(() => {
    document.title = `${t('nav.units')} · ${t('app.title')}`;
  }, [t]);

  const list = units.data?.units ?? [];
  const open = useMemo(() => list.filter(isOpen), [list]);
  const levels = useMemo(() => {
    const base = Math.min(...open.map((u) => u.depth));
    const counts = new Map<number, number>();
    for (const u of open) counts.set(u.depth - base + 1, (counts.get(u.depth - base + 1) ?? 0) + 1);
    return [...counts].sort((a, b) => a[0] - b[0]);
  }, [open]);
  const needle = filter.trim().toLowerCase();
  const shown = needle
    ? list.filter((u) => u.name.toLowerCase().includes(needle) || u.code.toLowerCase().includes(needle))
    : list;

  let body: ReactNode;
  if (units.isError) {
    body = (
      <ErrorState
        message={errorMessage(units.error)}
        actions={<RetryButton onClick={() => units.refetch()} />}
      />
    );
  } else if (!units.data) {
    body = <PageLoading />;
  } else {
    const base = Math.min(...list.map((u) => u.depth));
    body = (
      <>
        <p className="units-summary" data-testid="units-summary">
          {t('units.summary', { count: open.length })}{' '}
          {levels.map(([level, count]) => (
            <span key={level} className="units-summary__level" data-level={level}>
              {t('units.level', { level, count })}
            </span>
          ))}
        </p>
        {update.isError && (
          <Alert color="red" variant="light" role="alert" className="units-alert">
            {errorMessage(update.error)}
          </Alert>
        )}
        <TextInput
          className="units-filter"
          label={t('units.filter')}
          value={filter}
          onChange={(e) => setFilter(e.currentTarget.value)}
        />
        <div className="units-table-wrap">
          <table className="data-table units-table">
            <caption className="visually-hidden">{t('units.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('units.name')}</th>
                <th scope="col">{t('units.code')}</th>
                <th scope="col">{t('units.type')}</th>
                <th scope="col">{t('units.grassroots')}</th>
                <th scope="col">{t('units.validity')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('units.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((u) => (
                <tr
                  key={u.id}
                  data-code={u.code}
                  data-depth={u.depth - base}
                  className={isOpen(u) ? '' : 'is-closed'}
                >
                  <th scope="row" style={{ paddingLeft: `${12 + (u.depth - base) * 20}px` }}>
                    {u.name}
                  </th>
                  <td>{u.code}</td>
                  <td>{u.type}</td>
                  <td>
                    <input
                      type="checkbox"
                      className="units-check"
                      aria-label={t('units.grassrootsOf', { name: u.name })}
                      checked={u.isGrassroots}
                      disabled={!isOpen(u) || update.isPending}
                      onChange={(e) =>
                        update.mutate({ id: u.id, version: u.version, isGrassroots: e.currentTarget.checked })
                      }
                    />
                  </td>
                  <td className="units-table__validity">
                    {isOpen(u)
                      ? t('units.since', { date: formatDate(u.validFrom) })
                      : t('units.closedOn', { date: formatDate(u.validTo as string) })}
                  </td>
                  <td className="units-table__actions">
                    {isOpen(u) && (
                      <>
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          onClick={() => setDialog({ kind: 'edit', unit: u })}
                        >
                          {t('units.edit')}
                        </Button>
                        {u.parentId !== null && (
                          <>
                            <Button
                              size="compact-sm"
                              variant="subtle"
                              onClick={() => setDialog({ kind: 'move', unit: u })}
                            >
                              {t('units.move')}
                            </Button>
                            <Button
                              size="compact-sm"
                              variant="subtle"
                              color="red"
                              onClick={() => setDialog({ kind: 'close', unit: u })}
                            >
                              {t('units.close')}
                            </Button>
                          </>
                        )}
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </>
    );
  }

  return (
    <main id="main" className="main main--wide">
      <div className="page-head">
        <h2 className="page-head__title">{t('units.title')}</h2>
        <p className="page-head__lead">{t('units.lead')}</p>
      </div>
      {units.data?.start && <TreeStart start={units.data.start} />}
      <div className="units-toolbar">
        <Button onClick={() => setDialog({ kind: 'create' })} disabled={!units.data}>
          {t('units.create')}
        </Button>
        <Button variant={importing ? 'filled' : 'light'} onClick={() => setImporting((v) => !v)}>
          {t('units.import')}
        </Button>
        <Button component="a" variant="default" href={exportUrl('csv')} download>
          {t('units.exportCsv')}
        </Button>
        <Button component="a" variant="default" href={exportUrl('xlsx')} download>
          {t('units.exportXlsx')}
        </Button>
      </div>
      {importing && <TreeImport onDone={() => setImporting(false)} />}
      {body}
      {dialog?.kind === 'create' && <CreateDialog units={open} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'edit' && <EditDialog unit={dialog.unit} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'move' && (
        <MoveDialog unit={dialog.unit} units={open} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'close' && <CloseDialog unit={dialog.unit} onClose={() => setDialog(null)} />}
    </main>
  );
}

function TypeField({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const { t } = useI18n();
  const options = UNIT_TYPES.includes(value as (typeof UNIT_TYPES)[number])
    ? [...UNIT_TYPES]
    : [value, ...UNIT_TYPES];
  return (
    <NativeSelect
      label={t('units.type')}
      data={options}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
    />
  );
}

function CreateDialog({ units, onClose }: { units: AdminUnit[]; onClose: () => void }) {
  const { t } = useI18n();
  const create = useCreateUnit();
  const [parentId, setParentId] = useState<number | undefined>(units[0]?.id);
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [type, setType] = useState<string>('Xã');
  const submit = () => {
    if (parentId === undefined) return;
    create.mutate({ parentId, code, name, type }, { onSuccess: onClose });
  };
  return (
    <Dialog
      open
      onClose={onClose}
      title={t('units.createTitle')}
      onSubmit={submit}
      actions={<DialogActions onClose={onClose} pending={create.isPending} label={t('units.create')} />}
    >
      {create.isError && (
        <p className="dialog__error" role="alert">
          {errorMessage(create.error)}
        </p>
      )}
      <UnitPicker
        className="dialog-unit-picker"
        units={units}
        value={parentId}
        onChange={setParentId}
        loading={false}
        label={t('units.parent')}
      />
      <TextInput
        label={t('units.name')}
        required
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
      />
      <TextInput
        label={t('units.code')}
        required
        value={code}
        onChange={(e) => setCode(e.currentTarget.value)}
      />
      <TypeField value={type} onChange={setType} />
    </Dialog>
  );
}

function EditDialog({ unit, onClose }: { unit: AdminUnit; onClose: () => void }) {
  const { t } = useI18n();
  const update = useUpdateUnit();
  const [name, setName] = useState(unit.name);
  const [code, setCode] = useState(unit.code);
  const [type, setType] = useState(unit.type);
  const [grassroots, setGrassroots] = useState(unit.isGrassroots);
  return (
    <Dialog
      open
      onClose={onClose}
      title={t('units.editTitle', { name: unit.name })}
      onSubmit={() =>
        update.mutate(
          { id: unit.id, version: unit.version, name, code, type, isGrassroots: grassroots },
          { onSuccess: onClose },
        )
      }
      actions={<DialogActions onClose={onClose} pending={update.isPending} label={t('units.save')} />}
    >
      {update.isError && (
        <p className="dialog__error" role="alert">
          {errorMessage(update.error)}
        </p>
      )}
      <TextInput
        label={t('units.name')}
        required
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
      />
      <TextInput
        label={t('units.code')}
        required
        value={code}
        onChange={(e) => setCode(e.currentTarget.value)}
      />
      <TypeField value={type} onChange={setType} />
      <label className="units-check-label">
        <input
          type="checkbox"
          className="units-check"
          checked={grassroots}
          onChange={(e) => setGrassroots(e.currentTarget.checked)}
        />
        {t('units.grassrootsLong')}
      </label>
    </Dialog>
  );
}

function MoveDialog({ unit, units, onClose }: { unit: AdminUnit; units: AdminUnit[]; onClose: () => void }) {
  const { t } = useI18n();
  const move = useMoveUnit();
  // The unit's own subtree cannot be its new parent (the API refuses it too).
  const candidates = useMemo(() => {
    const inside = new Set([unit.id]);
    for (const u of units) if (u.parentId !== null && inside.has(u.parentId)) inside.add(u.id);
    return units.filter((u) => !inside.has(u.id));
  }, [unit, units]);
  const [parentId, setParentId] = useState<number | undefined>(unit.parentId ?? undefined);
  return (
    <Dialog
      open
      onClose={onClose}
      title={t('units.moveTitle', { name: unit.name })}
      onSubmit={() =>
        parentId !== undefined &&
        move.mutate({ id: unit.id, version: unit.version, parentId }, { onSuccess: onClose })
      }
      actions={<DialogActions onClose={onClose} pending={move.isPending} label={t('units.move')} />}
    >
      {move.isError && (
        <p className="dialog__error" role="alert">
          {errorMessage(move.error)}
        </p>
      )}
      <UnitPicker
        className="dialog-unit-picker"
        units={candidates}
        value={parentId}
        onChange={setParentId}
        loading={false}
        label={t('units.newParent')}
      />
    </Dialog>
  );
}

function CloseDialog({ unit, onClose }: { unit: AdminUnit; onClose: () => void }) {
  const { t } = useI18n();
  const close = useCloseUnit();
  const [date, setDate] = useState('');
  return (
    <Dialog
      open
      onClose={onClose}
      title={t('units.closeTitle', { name: unit.name })}
      onSubmit={() => close.mutate({ id: unit.id, version: unit.version, date }, { onSuccess: onClose })}
      actions={<DialogActions onClose={onClose} pending={close.isPending} label={t('units.close')} />}
    >
      <p>{t('units.closeLead')}</p>
      {close.isError && (
        <p className="dialog__error" role="alert">
          {errorMessage(close.error)}
        </p>
      )}
      <TextInput
        type="date"
        label={t('units.closeDate')}
        required
        value={date}
        onChange={(e) => setDate(e.currentTarget.value)}
      />
    </Dialog>
  );
}
