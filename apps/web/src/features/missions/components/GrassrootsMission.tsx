/** Grassroots activity: the share of units meeting the rule, by unit, and those that do not. */
import { formatDate, isNotAssigned } from '@chitieu/core';
import { EmptyState } from '../../../components/States.tsx';
import { useI18n } from '../../../i18n.ts';
import { valueText } from '../../../lib/figures.ts';
import { formatInteger } from '../../../lib/numbers.ts';
import { StatusBadge } from '../../overview/components/StatusBadge.tsx';
import type { MissionView } from '../api/get-mission.ts';
import { meetingShare, reportedSums } from '../grassroots.ts';
import { StatusCell, UnitName } from './MissionTables.tsx';

export function GrassrootsMission({ data, onUnit }: { data: MissionView; onUnit: (id: number) => void }) {
  const { t } = useI18n();
  const { total, units, scope, target, notMeeting } = data;
  const share = meetingShare;
  // A unit with no grassroots unit below it owes nothing here: "không giao", not "chưa báo cáo".
  const assignable = units.map((u) => ({
    allocation: u.goalKind === 'allocation' ? u.goal : null,
    figure: u.figure,
  }));
  const notAssigned = (index: number) =>
    isNotAssigned(assignable[index] as (typeof assignable)[number], assignable, null, { unitsMeeting: true });
  const sums = reportedSums(units);
  return (
    <>
      <p className="leaders-lead">
        {total.value === null
          ? `${target.shortName}: ${t('status.unreported')}`
          : t('missions.grassrootsLead', {
              meeting: formatInteger(total.figure.meeting),
              expected: formatInteger(total.figure.expected),
              pct: share(total.figure),
              date: formatDate(scope.asOf),
            })}{' '}
        {total.goal !== null && <StatusCell row={total} />}
      </p>
      <section className="leaders-section" aria-labelledby="grassroots-units">
        <h2 id="grassroots-units">{t('missions.byUnit')}</h2>
        {units.length === 0 ? (
          <EmptyState>{t('chart.works.noChildren')}</EmptyState>
        ) : (
          <div className="table-scroll">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t('missions.unit')}</th>
                  <th scope="col" className="num">
                    {t('missions.meeting')}
                  </th>
                  <th scope="col" className="num">
                    {t('missions.expected')}
                  </th>
                  <th scope="col" className="num">
                    {t('missions.share')}
                  </th>
                  <th scope="col" className="num">
                    {t('missions.reported')}
                  </th>
                  <th scope="col">{t('missions.status')}</th>
                </tr>
              </thead>
              <tbody>
                {units.map((u, index) => (
                  <tr key={u.id} className={u.value === null ? 'data-table__muted' : undefined}>
                    <th scope="row">
                      <UnitName unit={u} onUnit={onUnit} />
                    </th>
                    {u.value === null ? (
                      <td className="num" colSpan={4}>
                        {t(notAssigned(index) ? 'status.notAssigned' : 'status.unreported')}
                      </td>
                    ) : (
                      <>
                        <td className="num">{formatInteger(u.figure.meeting)}</td>
                        <td className="num">{formatInteger(u.figure.expected)}</td>
                        <td className="num">{share(u.figure)}</td>
                        <td className="num">{formatInteger(u.figure.reported)}</td>
                      </>
                    )}
                    <td>{u.value === null && notAssigned(index) ? '—' : <StatusCell row={u} />}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr className="data-table__total">
                  <th scope="row">{t('table.total')}</th>
                  <td className="num">{formatInteger(sums.meeting)}</td>
                  <td className="num">{formatInteger(sums.expected)}</td>
                  <td className="num">{share(sums)}</td>
                  <td className="num">{formatInteger(sums.reported)}</td>
                  <td>{total.goal !== null && <StatusCell row={total} />}</td>
                </tr>
              </tfoot>
            </table>
          </div>
        )}
      </section>
      <section className="leaders-section" aria-labelledby="not-meeting">
        <h2 id="not-meeting">{t('missions.notMeetingTitle')}</h2>
        {notMeeting.length === 0 ? (
          <EmptyState>{t('missions.notMeetingNone')}</EmptyState>
        ) : (
          <div className="table-scroll">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t('missions.unit')}</th>
                  <th scope="col">{t('missions.parent')}</th>
                  <th scope="col">{t('missions.status')}</th>
                </tr>
              </thead>
              <tbody>
                {notMeeting.map((u) => (
                  <tr key={u.id}>
                    <th scope="row">{u.name}</th>
                    <td>{u.parentName ?? '—'}</td>
                    <td>
                      <StatusBadge status={u.reason === 'no' ? 'behind' : 'unreported'} size="sm" />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {total.figure.value !== null && (
        <p className="visually-hidden">{valueText(target.indicator, total.figure)}</p>
      )}
    </>
  );
}
