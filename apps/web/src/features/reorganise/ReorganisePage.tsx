/**
 * "Sắp xếp đơn vị" (admins): upload a merge map and its effective date → preview what closes, opens
 * and moves → name new parents and choose designated successors of split units → apply → review
 * the re-based allocations and open the overview in the new structure. Loaded on demand.
 */
import './reorganise.css';
import { formatDate, parseDate, UNIT_TYPES } from '@chitieu/core';
import { Alert, Button, NativeSelect, Table, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Dialog, DialogActions } from '../../components/Dialog.tsx';
import { type MessageKey, useI18n } from '../../i18n.ts';
import { navigate } from '../../lib/url-state.ts';
import {
  type MapInput,
  type ReorganisationPlan,
  type ReorganisationResult,
  useApplyReorganisation,
  usePreviewReorganisation,
} from './api/reorganise.ts';
import { Allocations, Block, Partials, Problems } from './PlanParts.tsx';

const REASONS: Record<ReorganisationPlan['closes'][number]['reason'], MessageKey> = {
  map: 'reorganise.reason.map',
  level_ended: 'reorganise.reason.level_ended',
  replaced: 'reorganise.reason.replaced',
};

export default function ReorganisePage() {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [dateText, setDateText] = useState('');
  const [dateError, setDateError] = useState<string | null>(null);
  const [designations, setDesignations] = useState<Record<string, string>>({});
  const [parentNames, setParentNames] = useState<Record<string, string>>({});
  const [parentTypes, setParentTypes] = useState<Record<string, string>>({});
  const [confirming, setConfirming] = useState(false);
  const preview = usePreviewReorganisation();
  const apply = useApplyReorganisation();
  const [result, setResult] = useState<ReorganisationResult | null>(null);

  const input = (patch: Partial<MapInput> = {}): MapInput | null => {
    const date = parseDate(dateText);
    if (!file) return null;
    if (!date.ok) {
      setDateError(date.message);
      return null;
    }
    setDateError(null);
    return { file, effectiveDate: date.value, designations, parentNames, parentTypes, ...patch };
  };
  const runPreview = (patch: Partial<MapInput> = {}) => {
    const mapInput = input(patch);
    if (!mapInput) return;
    setResult(null);
    apply.reset();
    preview.mutate(mapInput);
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    runPreview();
  };
  const plan = preview.data;
  const unnamed =
    plan?.createdParents.filter((p) => !parentNames[p.code]?.trim() || !(parentTypes[p.code] ?? p.type)) ??
    [];

  return (
    <main id="main" className="main reorganise">
      <h1 className="page-title">{t('reorganise.title')}</h1>
      <p className="reorganise__intro">{t('reorganise.intro')}</p>
      <form className="reorganise__form" onSubmit={onSubmit}>
        <label className="reorganise__file">
          <span>{t('reorganise.file')}</span>
          <input
            type="file"
            accept=".csv,text/csv"
            onChange={(event) => {
              setFile(event.currentTarget.files?.[0] ?? null);
              preview.reset();
              setResult(null);
            }}
          />
        </label>
        <TextInput
          label={t('reorganise.date')}
          placeholder="dd/mm/yyyy"
          value={dateText}
          onChange={(event) => setDateText(event.currentTarget.value)}
          error={dateError}
        />
        <Button type="submit" disabled={!file || dateText.trim() === ''} loading={preview.isPending}>
          {t('reorganise.preview')}
        </Button>
      </form>

      {preview.error && <Problems error={preview.error} />}
      {plan && !result && (
        <section className="reorganise__plan" aria-labelledby="plan-title">
          <h2 id="plan-title">
            {plan.alreadyApplied
              ? t('reorganise.alreadyApplied')
              : t('reorganise.planTitle', { name: plan.newVersionName, previous: plan.previousVersion.name })}
          </h2>
          {plan.alreadyApplied && plan.partials.length > 0 && (
            <>
              <p className="reorganise__note">{t('reorganise.correctNote')}</p>
              <Partials
                plan={plan}
                value={(p) => designations[p.oldCode] ?? p.designated}
                onChange={setDesignations}
                designations={designations}
              />
              {apply.error && <Problems error={apply.error} />}
              <div className="reorganise__actions">
                <Button
                  disabled={plan.partials.every(
                    (p) => (designations[p.oldCode] ?? p.designated) === p.designated,
                  )}
                  loading={apply.isPending}
                  onClick={() => {
                    const mapInput = input();
                    if (mapInput) apply.mutate(mapInput, { onSuccess: setResult });
                  }}
                >
                  {t('reorganise.correct')}
                </Button>
              </div>
            </>
          )}
          {!plan.alreadyApplied && (
            <>
              <p>
                {t('reorganise.summary', {
                  closes: plan.closes.length,
                  opens: plan.opens.length,
                  total: plan.placements.total,
                  attributed: plan.placements.attributed,
                })}
              </p>
              {plan.warnings.length > 0 && (
                <Alert color="yellow" title={t('reorganise.warnings')}>
                  <ul>
                    {plan.warnings.map((w) => (
                      <li key={`${w.line}-${w.message}`}>{w.message}</li>
                    ))}
                  </ul>
                </Alert>
              )}
              {plan.createdParents.length > 0 && (
                <Block title={t('reorganise.createdParents')}>
                  {plan.createdParents.map((p) => (
                    <TextInput
                      key={p.code}
                      label={t('reorganise.parentName', { code: p.code })}
                      placeholder="Tỉnh …"
                      value={parentNames[p.code] ?? p.name ?? ''}
                      onChange={(event) =>
                        setParentNames({ ...parentNames, [p.code]: event.currentTarget.value })
                      }
                      onBlur={() => runPreview()}
                      error={parentNames[p.code]?.trim() ? null : t('reorganise.parentNameNeeded')}
                    />
                  ))}
                  {plan.createdParents.map((p) => (
                    <NativeSelect
                      key={`type-${p.code}`}
                      label={t('reorganise.parentType', { code: p.code })}
                      description={t('reorganise.parentTypeHint')}
                      value={parentTypes[p.code] ?? p.type}
                      data={[{ value: '', label: t('reorganise.parentTypeChoose') }, ...UNIT_TYPES]}
                      onChange={(event) => {
                        const next = { ...parentTypes, [p.code]: event.currentTarget.value };
                        setParentTypes(next);
                        runPreview({ parentTypes: next });
                      }}
                      error={(parentTypes[p.code] ?? p.type) ? null : t('reorganise.parentTypeNeeded')}
                    />
                  ))}
                </Block>
              )}
              <Partials
                plan={plan}
                value={(p) => p.designated}
                onChange={(next) => {
                  setDesignations(next);
                  runPreview({ designations: next });
                }}
                designations={designations}
              />
              <Block title={t('reorganise.opens', { n: plan.opens.length })}>
                <Table striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('reorganise.col.code')}</Table.Th>
                      <Table.Th>{t('reorganise.col.name')}</Table.Th>
                      <Table.Th>{t('reorganise.col.parent')}</Table.Th>
                      <Table.Th>{t('reorganise.col.from')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {plan.opens.map((o) => (
                      <Table.Tr key={o.code}>
                        <Table.Td>{o.code}</Table.Td>
                        <Table.Td>{o.name}</Table.Td>
                        <Table.Td>{o.parentName}</Table.Td>
                        <Table.Td>{o.predecessors.join(', ')}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Block>
              <Block title={t('reorganise.closes', { n: plan.closes.length })}>
                <Table striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('reorganise.col.code')}</Table.Th>
                      <Table.Th>{t('reorganise.col.name')}</Table.Th>
                      <Table.Th>{t('reorganise.col.reason')}</Table.Th>
                      <Table.Th>{t('reorganise.col.attributedTo')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {plan.closes.map((c) => (
                      <Table.Tr key={c.id}>
                        <Table.Td>{c.code}</Table.Td>
                        <Table.Td>{c.name}</Table.Td>
                        <Table.Td>{t(REASONS[c.reason])}</Table.Td>
                        <Table.Td>{c.attributedTo}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Block>
              <Allocations plan={plan} />
              {plan.roles.length > 0 && (
                <Block title={t('reorganise.roles')}>
                  <ul className="reorganise__roles">
                    {plan.roles.map((r) => (
                      <li key={`${r.userId}-${r.role}-${r.fromCode}`}>
                        {r.username} ({r.role}): {r.fromName} →{' '}
                        {r.toName ?? <strong>{t('reorganise.roleReview')}</strong>}
                      </li>
                    ))}
                  </ul>
                </Block>
              )}
              {apply.error && <Problems error={apply.error} />}
              <div className="reorganise__actions">
                <Button
                  color="red"
                  disabled={unnamed.length > 0 || preview.isPending}
                  loading={apply.isPending}
                  onClick={() => setConfirming(true)}
                >
                  {t('reorganise.apply', { date: formatDate(plan.effectiveDate) })}
                </Button>
              </div>
              {confirming && (
                <Dialog
                  open
                  onClose={() => setConfirming(false)}
                  title={t('reorganise.confirm.title')}
                  onSubmit={() => {
                    const mapInput = input({ previousVersionId: plan.previousVersion.id });
                    if (!mapInput) return;
                    apply.mutate(mapInput, {
                      onSuccess: (done) => {
                        setConfirming(false);
                        setResult(done);
                      },
                      onError: () => setConfirming(false),
                    });
                  }}
                  actions={
                    <DialogActions
                      onClose={() => setConfirming(false)}
                      pending={apply.isPending}
                      label={t('reorganise.confirm.apply')}
                    />
                  }
                >
                  <p>
                    {t('reorganise.confirm.body', {
                      closes: plan.closes.length,
                      opens: plan.opens.length,
                      date: formatDate(plan.effectiveDate),
                    })}
                  </p>
                </Dialog>
              )}
            </>
          )}
        </section>
      )}
      {result && (
        <section className="reorganise__plan" aria-labelledby="result-title">
          <Alert
            color={result.applied ? 'green' : 'blue'}
            title={
              result.applied
                ? t('reorganise.applied')
                : result.corrected.length > 0
                  ? t('reorganise.corrected', { codes: result.corrected.join(', ') })
                  : t('reorganise.noop')
            }
          >
            <p id="result-title">{result.plan.newVersionName}</p>
            <Button variant="light" onClick={() => navigate({ sv: result.structureVersionId })}>
              {t('reorganise.openOverview')}
            </Button>
          </Alert>
          <Allocations plan={result.plan} review />
        </section>
      )}
    </main>
  );
}
