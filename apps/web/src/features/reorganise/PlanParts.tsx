import { Alert, NativeSelect, Table } from '@mantine/core';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n.ts';
import { ApiError, errorMessage } from '../../lib/api-client.ts';
import { formatInteger } from '../../lib/numbers.ts';
import type { ReorganisationPlan } from './api/reorganise.ts';

export function Block({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="reorganise__block">
      <h3>{title}</h3>
      {children}
    </section>
  );
}

/** Split units and the successor each one's results go to, chosen in a select. */
export function Partials({
  plan,
  value,
  onChange,
  designations,
}: {
  plan: ReorganisationPlan;
  value: (partial: ReorganisationPlan['partials'][number]) => string;
  onChange: (designations: Record<string, string>) => void;
  designations: Record<string, string>;
}) {
  const { t } = useI18n();
  if (plan.partials.length === 0) return null;
  return (
    <Block title={t('reorganise.partials')}>
      <p className="reorganise__note">{t('reorganise.partialsNote')}</p>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('reorganise.col.old')}</Table.Th>
            <Table.Th>{t('reorganise.col.designated')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {plan.partials.map((p) => (
            <Table.Tr key={p.oldCode}>
              <Table.Td>
                {p.oldCode} · {p.oldName}
              </Table.Td>
              <Table.Td>
                <NativeSelect
                  aria-label={t('reorganise.designatedFor', { name: p.oldName })}
                  value={value(p)}
                  data={p.successors.map((s) => ({ value: s.code, label: `${s.code} · ${s.name}` }))}
                  onChange={(event) => onChange({ ...designations, [p.oldCode]: event.currentTarget.value })}
                  description={p.defaulted ? t('reorganise.defaulted') : undefined}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Block>
  );
}

/** Targets allocated to merged units, summed to the successor: listed for review. */
export function Allocations({ plan, review = false }: { plan: ReorganisationPlan; review?: boolean }) {
  const { t } = useI18n();
  if (plan.allocations.length === 0) return review ? null : <p>{t('reorganise.noAllocations')}</p>;
  return (
    <Block title={t(review ? 'reorganise.allocationsReview' : 'reorganise.allocations')}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('reorganise.col.target')}</Table.Th>
            <Table.Th>{t('reorganise.col.from')}</Table.Th>
            <Table.Th>{t('reorganise.col.to')}</Table.Th>
            <Table.Th className="num">{t('reorganise.col.goal')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {plan.allocations.map((a) => (
            <Table.Tr key={`${a.targetId}-${a.toCode}`}>
              <Table.Td>
                {a.targetCode} · {a.targetName}
              </Table.Td>
              <Table.Td>{a.from.map((f) => `${f.name} (${formatInteger(f.goal)})`).join(' + ')}</Table.Td>
              <Table.Td>{a.toName}</Table.Td>
              <Table.Td className="num">{formatInteger(a.goal)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Block>
  );
}

/** A refusal with every problem the API listed. */
export function Problems({ error }: { error: unknown }) {
  const problems =
    error instanceof ApiError
      ? ((error.details as { problems?: { message: string }[] } | undefined)?.problems ?? [])
      : [];
  return (
    <Alert color="red" role="alert" title={errorMessage(error)}>
      {problems.length > 1 && (
        <ul>
          {problems.map((p) => (
            <li key={p.message}>{p.message}</li>
          ))}
        </ul>
      )}
    </Alert>
  );
}
