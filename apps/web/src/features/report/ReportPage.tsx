/**
 * The report page: the report as it prints (A4, Decree 30 layout), the "Xuất báo cáo" buttons
 * (DOCX, XLSX, CSV), printing, the settings and narrative editor (managers), issuing, and what
 * changed since the last issued version.
 *
 * Props:
 *  - `params`: { termId, kind ('mid_term' | 'end_of_term' | 'yearly'), and the overview's scope:
 *    unitId?, asOf?, basis?, structureVersionId? }. Missing parts are filled in by the API (the
 *    term's unit or the user's own, the report's as-of date, approved figures, the structure in
 *    force). `reportParamsFromSearch(location.search)` reads them from the address
 *    (?page=report&term=1&kind=mid_term&unit=1&asOf=2024-06-30&basis=approved&sv=1).
 *  - `account?`: the account menu for the page header (as on the other pages).
 *  - `onBack?`: a "back to the overview" action; without it no back button is shown.
 */
import { formatDate, formatInstant } from '@chitieu/core';
import { Alert, Button, Group } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { errorMessage } from '../../lib/api-client.ts';
import {
  downloadUrl,
  issuedUrl,
  type ReportFormat,
  type ReportParams,
  useIssueReport,
  useReport,
  useSaveReport,
} from './api.ts';
import { ReportDocument } from './ReportDocument.tsx';
import { ReportEditor } from './ReportEditor.tsx';
import './report.css';

export interface ReportPageProps {
  params: ReportParams;
  account?: ReactNode;
  onBack?: () => void;
}

const EXPORTS: { format: ReportFormat; label: string }[] = [
  { format: 'docx', label: 'Xuất báo cáo (DOCX)' },
  { format: 'xlsx', label: 'Xuất báo cáo (XLSX)' },
  { format: 'csv', label: 'Xuất dữ liệu (CSV)' },
];

const KIND_LABELS = {
  mid_term: 'Báo cáo sơ kết giữa nhiệm kỳ',
  end_of_term: 'Báo cáo tổng kết nhiệm kỳ',
  yearly: 'Báo cáo năm',
} as const;

export function ReportPage({ params, account, onBack }: ReportPageProps) {
  const report = useReport(params);
  const save = useSaveReport(params);
  const issue = useIssueReport(params);
  const [editing, setEditing] = useState(false);
  const data = report.data;

  if (report.isPending) {
    return (
      <main id="main" className="report-page">
        <p role="status" className="report-page__status">
          Đang tải báo cáo…
        </p>
      </main>
    );
  }
  if (report.isError || !data) {
    return (
      <main id="main" className="report-page">
        <Alert color="red" variant="light" role="alert" title="Không tải được báo cáo">
          <p>{errorMessage(report.error)}</p>
          <Group gap="sm">
            <Button size="xs" onClick={() => report.refetch()}>
              Thử lại
            </Button>
            {onBack && (
              <Button size="xs" variant="default" onClick={onBack}>
                Về trang tổng quan
              </Button>
            )}
          </Group>
        </Alert>
      </main>
    );
  }

  const { issued, permissions, files } = data;
  const chartVersion = `${data.settings.version}-${data.scope.asOf}-${data.headline.done}-${issued.count}`;
  const fileName: Record<ReportFormat, string> = files;

  return (
    <main id="main" className="report-page">
      <header className="report-toolbar">
        <div className="report-toolbar__head">
          {onBack && (
            <Button variant="subtle" size="xs" onClick={onBack}>
              ← Tổng quan
            </Button>
          )}
          <h2 className="report-toolbar__title">{KIND_LABELS[params.kind]}</h2>
          <p className="report-toolbar__scope">
            {data.scope.unit.name} · số liệu đến {formatDate(data.scope.asOf)}
            {data.scope.basis === 'submitted' ? ' · gồm số liệu đã gửi, chưa duyệt' : ''}
          </p>
          {account}
        </div>
        <Group gap="xs" className="report-toolbar__actions" role="group" aria-label="Xuất báo cáo">
          {EXPORTS.map((x) => (
            <Button
              key={x.format}
              component="a"
              href={downloadUrl(params, x.format)}
              download={fileName[x.format]}
              variant={x.format === 'docx' ? 'filled' : 'light'}
              size="sm"
            >
              {x.label}
            </Button>
          ))}
          <Button variant="default" size="sm" onClick={() => window.print()}>
            In / Lưu PDF
          </Button>
          {permissions.edit && (
            <Button variant="default" size="sm" onClick={() => setEditing((v) => !v)} aria-expanded={editing}>
              {editing ? 'Đóng phần sửa' : 'Sửa thiết lập và nội dung'}
            </Button>
          )}
          {permissions.issue && (
            <Button
              variant="outline"
              size="sm"
              loading={issue.isPending}
              onClick={() => {
                const number = data.print.numberLine;
                const ok = window.confirm(
                  `Ban hành báo cáo ${number.replace(/^Số:\s*/, 'số ')} với số liệu hiện tại? Tệp DOCX và số liệu của nó được lưu lại, không sửa được.`,
                );
                if (ok) issue.mutate();
              }}
            >
              Ban hành
            </Button>
          )}
        </Group>
        {issue.isError && (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(issue.error)}
          </Alert>
        )}
        {issued.latest && (
          <section className="report-issued" aria-label="Bản đã ban hành">
            <p>
              Bản ban hành gần nhất của {issued.latest.scope.unitName}
              {issued.latest.documentNumber ? `: số ${issued.latest.documentNumber}` : ''}
              {issued.latest.documentDate ? ` ngày ${formatDate(issued.latest.documentDate)}` : ''}, số liệu
              đến {formatDate(issued.latest.scope.asOf)} (ban hành lúc {formatInstant(issued.latest.issuedAt)}
              {issued.latest.issuedByName ? `, ${issued.latest.issuedByName}` : ''}).{' '}
              <a href={issuedUrl(params, issued.latest.id)} download>
                Tải bản đã ban hành
              </a>
            </p>
            {issued.differences === null ? null : issued.differences.length === 0 ? (
              <p className="report-issued__same">Số liệu hiện nay khớp với bản đã ban hành.</p>
            ) : (
              <>
                <p className="report-issued__changed">
                  Số liệu đã thay đổi so với bản đã ban hành ({issued.differences.length} chỗ):
                </p>
                <table className="data-table report-issued__table">
                  <thead>
                    <tr>
                      <th scope="col">Số liệu</th>
                      <th scope="col">Khi ban hành</th>
                      <th scope="col">Hiện nay</th>
                      <th scope="col">Chênh lệch</th>
                    </tr>
                  </thead>
                  <tbody>
                    {issued.differences.slice(0, 50).map((d) => (
                      <tr key={d.key}>
                        <th scope="row">{d.label}</th>
                        <td>{d.issued}</td>
                        <td>{d.live}</td>
                        <td>{d.change ?? ''}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            )}
          </section>
        )}
      </header>

      {editing && (
        <ReportEditor
          key={data.settings.version}
          settings={data.settings}
          saving={save.isPending}
          error={save.error}
          onSave={(input) => save.mutate(input, { onSuccess: () => setEditing(false) })}
          onReload={() => {
            save.reset();
            void report.refetch();
          }}
          onClose={() => setEditing(false)}
        />
      )}

      <div className="report-sheet">
        <ReportDocument report={data} params={params} chartVersion={chartVersion} />
      </div>
    </main>
  );
}
