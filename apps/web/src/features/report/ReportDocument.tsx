/**
 * The report as it prints: the same content, figures and charts as the DOCX (the API sends the
 * texts the DOCX is built from; the chart images are the very PNGs the DOCX embeds). Printed from
 * the browser on A4 with the Decree 30 margins (report.css).
 */
import { formatDate } from '@chitieu/core';
import type { ReportParams, ReportView } from './api.ts';
import { chartUrl } from './api.ts';

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

/** One paragraph per line, blank lines dropped (as in the DOCX). */
function paragraphs(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

function Narrative({ body }: { body: string }) {
  const list = paragraphs(body);
  if (list.length === 0) return <p className="report-doc__body report-doc__empty">(Chưa có nội dung.)</p>;
  return (
    <>
      {list.map((text, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list that is never reordered
        <p key={i} className="report-doc__body">
          {text}
        </p>
      ))}
    </>
  );
}

export function ReportDocument({
  report,
  params,
  chartVersion,
}: {
  report: ReportView;
  params: ReportParams;
  /** Changes when the figures or settings change, so the images are fetched again. */
  chartVersion: string;
}) {
  const { settings, rows } = report;
  const [first, ...rest] = settings.sections;
  const { print } = report;
  const counted = rows.filter((r) => r.counted);
  const supplementary = rows.filter((r) => !r.counted);
  const asOf = formatDate(report.scope.asOf);

  const targetRow = (r: (typeof rows)[number]) => (
    <tr key={r.id} data-code={r.code}>
      <td className="c">{r.stt}</td>
      <td>{r.name}</td>
      <td className="c">{r.unit}</td>
      <td className="c">{r.goal}</td>
      <td className="c b">{r.result}</td>
      <td className="c">{r.pct}</td>
      <td className="c">{r.status}</td>
      <td>{r.note}</td>
    </tr>
  );

  return (
    <article className="report-doc" lang="vi" aria-label="Báo cáo (bản in)">
      <table className="report-doc__header">
        <tbody>
          <tr>
            <td className="report-doc__letterhead">
              {print.parentBody.map((line, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list that is never reordered
                <div key={`p${i}`} className="report-doc__issuer">
                  {line}
                </div>
              ))}
              {print.issuingBody.map((line, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list that is never reordered
                <div key={`i${i}`} className="report-doc__issuer report-doc__issuer--main">
                  {line}
                </div>
              ))}
              <div className="report-doc__rule" />
            </td>
            <td className="report-doc__motto">
              {print.motto && (
                <>
                  <div className="report-doc__nation">{print.motto.name}</div>
                  <div className="report-doc__slogan">{print.motto.motto}</div>
                </>
              )}
            </td>
          </tr>
          <tr>
            <td className="report-doc__number">{print.numberLine}</td>
            <td className="report-doc__date">{print.placeDate}</td>
          </tr>
        </tbody>
      </table>

      <h2 className="report-doc__title">
        {print.title.map((line, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list that is never reordered
          <span key={i} className="report-doc__title-line">
            {i === 0 ? line.toLocaleUpperCase('vi') : line}
          </span>
        ))}
      </h2>
      <div className="report-doc__title-rule" />
      {report.illustrativeNote && <p className="report-doc__note">{report.illustrativeNote}</p>}

      <h3 className="report-doc__part">I. {(first?.title ?? 'Kết quả đạt được').toLocaleUpperCase('vi')}</h3>
      <Narrative body={first?.body ?? ''} />
      <h4 className="report-doc__sub">1. Kết quả thực hiện các chỉ tiêu Nghị quyết</h4>
      <p className="report-doc__body">
        <strong>{report.headlineText.lead}</strong>
        {report.headlineText.rest}
      </p>
      <p className="report-doc__caption">
        Bảng 1. Kết quả thực hiện các chỉ tiêu Nghị quyết (tính đến ngày {asOf})
      </p>
      <table className="report-doc__table report-doc__targets">
        <thead>
          <tr>
            <th>STT</th>
            <th>Chỉ tiêu</th>
            <th>ĐVT</th>
            <th>Chỉ tiêu NQ</th>
            <th>Kết quả</th>
            <th>Tỷ lệ % so với NQ</th>
            <th>Đánh giá</th>
            <th>Ghi chú</th>
          </tr>
        </thead>
        <tbody>
          {supplementary.length > 0 && (
            <tr className="report-doc__group">
              <td colSpan={8}>A. Chỉ tiêu Nghị quyết</td>
            </tr>
          )}
          {counted.map(targetRow)}
          {supplementary.length > 0 && (
            <tr className="report-doc__group">
              <td colSpan={8}>B. Chỉ tiêu bổ sung (không tính vào kết quả chung)</td>
            </tr>
          )}
          {supplementary.map(targetRow)}
          {rows.length === 0 && (
            <tr>
              <td colSpan={8}>Nhiệm kỳ này chưa có chỉ tiêu nào.</td>
            </tr>
          )}
        </tbody>
      </table>
      {print.moneyNote && <p className="report-doc__small">{print.moneyNote}</p>}

      <h4 className="report-doc__sub">2. Biểu đồ kết quả thực hiện</h4>
      {report.charts.map((c) => (
        <figure key={c.key} className="report-doc__chart">
          {c.available ? (
            <img src={chartUrl(params, c.key, chartVersion)} alt={c.title} />
          ) : (
            <p className="report-doc__empty">(Chưa có số liệu để vẽ biểu đồ.)</p>
          )}
          <figcaption>{c.title}</figcaption>
        </figure>
      ))}

      {rest.map((section, i) => (
        <section key={section.key}>
          <h3 className="report-doc__part">
            {ROMAN[i + 1]}. {section.title.toLocaleUpperCase('vi')}
          </h3>
          <Narrative body={section.body} />
        </section>
      ))}

      <table className="report-doc__signature">
        <tbody>
          <tr>
            <td className="report-doc__recipients">
              <div className="report-doc__recipients-title">Nơi nhận:</div>
              {settings.recipients.map((r, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list that is never reordered
                <div key={i}>- {r}</div>
              ))}
            </td>
            <td className="report-doc__signer">
              {settings.signerTitle.map((line, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list that is never reordered
                <div key={i} className="b">
                  {line.toLocaleUpperCase('vi')}
                </div>
              ))}
              <div className="report-doc__sign-space" />
              <div className="b">{settings.signerName}</div>
            </td>
          </tr>
        </tbody>
      </table>

      <section className="report-doc__appendix">
        <p className="report-doc__appendix-title">PHỤ LỤC</p>
        <p className="report-doc__appendix-title">KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU THEO ĐƠN VỊ</p>
        <p className="report-doc__caption">{print.appendixNote}</p>
        <p className="report-doc__caption">Số liệu tính đến ngày {asOf}</p>
        <table className="report-doc__table report-doc__units">
          <thead>
            <tr>
              <th>STT</th>
              <th>Đơn vị</th>
              {report.appendix.columns.map((c) => (
                <th key={c.id}>
                  <div>{c.code}</div>
                  <div className="report-doc__col-name">
                    {c.shortName} ({c.unit})
                  </div>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {report.appendix.rows.map((r, i) => (
              <tr
                key={`${r.unitId}-${r.total ? 't' : r.own ? 'o' : 'u'}`}
                className={r.total ? 'report-doc__total' : r.own ? 'report-doc__own' : undefined}
              >
                <td className="c">{r.total || r.own ? '' : i + 1}</td>
                <td>{r.name}</td>
                {r.cells.map((text, j) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list that is never reordered
                  <td key={j} className="c">
                    {text}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        <p className="report-doc__small">Ghi chú: {report.appendix.legend.join(' ')}</p>
      </section>
    </article>
  );
}
