/**
 * A unit's report settings and narrative, for its managers: letterhead (parent line, issuing body),
 * the national motto, number and symbol, place and date, title, signer, recipients and the five
 * parts. Saves with the version it loaded; if someone else saved in between, says so and offers the
 * newer version (nothing typed is lost until the user chooses).
 */
import { formatDate, parseDate } from '@chitieu/core';
import { Alert, Button, Group, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { ApiError, errorMessage } from '../../lib/api-client.ts';
import type { ReportSettingsInput, ReportView } from './api.ts';

type Settings = ReportView['settings'];

interface Draft {
  parentBody: string;
  issuingBody: string;
  motto: boolean;
  documentNumber: string;
  documentSymbol: string;
  place: string;
  reportDate: string;
  asOf: string;
  title: string;
  signerTitle: string;
  signerName: string;
  recipients: string;
  sections: { key: string; title: string; body: string }[];
}

const toDraft = (s: Settings): Draft => ({
  parentBody: s.parentBody.join('\n'),
  issuingBody: s.issuingBody.join('\n'),
  motto: s.motto,
  documentNumber: s.documentNumber,
  documentSymbol: s.documentSymbol,
  place: s.place,
  reportDate: s.reportDate ? formatDate(s.reportDate) : '',
  asOf: formatDate(s.asOf),
  title: s.title,
  signerTitle: s.signerTitle.join('\n'),
  signerName: s.signerName,
  recipients: s.recipients.join('\n'),
  sections: s.sections.map((x) => ({ ...x })),
});

const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((x) => x.trim())
    .filter(Boolean);

export function ReportEditor({
  settings,
  saving,
  error,
  onSave,
  onReload,
  onClose,
}: {
  settings: Settings;
  saving: boolean;
  error: unknown;
  onSave: (input: ReportSettingsInput) => void;
  onReload: () => void;
  onClose: () => void;
}) {
  const [draft, setDraft] = useState<Draft>(() => toDraft(settings));
  const [problem, setProblem] = useState<string | null>(null);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const conflict = error instanceof ApiError && error.status === 409;

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const asOf = parseDate(draft.asOf);
    if (!asOf.ok) return setProblem(`Ngày số liệu: ${asOf.message}`);
    let reportDate: string | null = null;
    if (draft.reportDate.trim() !== '') {
      const parsed = parseDate(draft.reportDate);
      if (!parsed.ok) return setProblem(`Ngày báo cáo: ${parsed.message}`);
      reportDate = parsed.value;
    }
    setProblem(null);
    onSave({
      unitId: settings.unitId,
      version: settings.version,
      parentBody: lines(draft.parentBody),
      issuingBody: lines(draft.issuingBody),
      motto: draft.motto,
      documentNumber: draft.documentNumber,
      documentSymbol: draft.documentSymbol,
      place: draft.place,
      reportDate,
      asOf: asOf.value,
      title: draft.title,
      signerTitle: lines(draft.signerTitle),
      signerName: draft.signerName,
      recipients: lines(draft.recipients),
      sections: draft.sections,
    });
  };

  return (
    <form className="report-editor" onSubmit={submit} aria-label="Thiết lập và nội dung báo cáo">
      <h2 className="report-editor__title">Thiết lập và nội dung báo cáo</h2>
      <div className="report-editor__grid">
        <Textarea
          label="Cơ quan chủ quản (dòng trên, chữ in hoa)"
          description="Ví dụ: HỘI LHPN THÀNH PHỐ PHAN THIẾT; để trống nếu không có"
          autosize
          minRows={1}
          value={draft.parentBody}
          onChange={(e) => set({ parentBody: e.currentTarget.value })}
        />
        <Textarea
          label="Cơ quan ban hành (chữ in hoa, đậm)"
          description="Ví dụ: BAN THƯỜNG VỤ"
          autosize
          minRows={1}
          value={draft.issuingBody}
          onChange={(e) => set({ issuingBody: e.currentTarget.value })}
        />
        <label className="report-editor__check">
          <input
            type="checkbox"
            checked={draft.motto}
            onChange={(e) => set({ motto: e.currentTarget.checked })}
          />
          <span>
            In quốc hiệu, tiêu ngữ (CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM – Độc lập - Tự do - Hạnh phúc) ở góc
            trên bên phải
          </span>
        </label>
        <TextInput
          label="Số văn bản"
          description="Chỉ chữ số, theo sổ văn bản của đơn vị; cần khi ban hành"
          placeholder="45"
          inputMode="numeric"
          value={draft.documentNumber}
          onChange={(e) => set({ documentNumber: e.currentTarget.value })}
        />
        <TextInput
          label="Ký hiệu văn bản"
          description="In sau số: Số: 45/BC-HPN"
          placeholder="BC-HPN"
          value={draft.documentSymbol}
          onChange={(e) => set({ documentSymbol: e.currentTarget.value })}
        />
        <TextInput
          label="Địa danh"
          value={draft.place}
          onChange={(e) => set({ place: e.currentTarget.value })}
        />
        <TextInput
          label="Ngày báo cáo"
          description="ngày/tháng/năm, không trước ngày số liệu; để trống nếu chưa ký"
          placeholder="10/07/2024"
          value={draft.reportDate}
          onChange={(e) => set({ reportDate: e.currentTarget.value })}
        />
        <TextInput
          label="Số liệu tính đến ngày"
          description="ngày/tháng/năm"
          value={draft.asOf}
          onChange={(e) => set({ asOf: e.currentTarget.value })}
        />
        <Textarea
          label="Tên báo cáo"
          autosize
          minRows={2}
          value={draft.title}
          onChange={(e) => set({ title: e.currentTarget.value })}
        />
        <Textarea
          label="Chức vụ người ký (mỗi dòng một dòng)"
          autosize
          minRows={2}
          value={draft.signerTitle}
          onChange={(e) => set({ signerTitle: e.currentTarget.value })}
        />
        <TextInput
          label="Họ tên người ký"
          value={draft.signerName}
          onChange={(e) => set({ signerName: e.currentTarget.value })}
        />
        <Textarea
          label="Nơi nhận (mỗi dòng một nơi)"
          autosize
          minRows={3}
          value={draft.recipients}
          onChange={(e) => set({ recipients: e.currentTarget.value })}
        />
      </div>
      {draft.sections.map((section, i) => (
        <fieldset key={section.key} className="report-editor__section">
          <TextInput
            label={`Phần ${i + 1}: tên`}
            value={section.title}
            onChange={(e) => {
              const title = e.currentTarget.value;
              set({ sections: draft.sections.map((x, j) => (j === i ? { ...x, title } : x)) });
            }}
          />
          <Textarea
            label={`Phần ${i + 1}: nội dung (mỗi dòng một đoạn)`}
            autosize
            minRows={3}
            maxRows={16}
            value={section.body}
            onChange={(e) => {
              const body = e.currentTarget.value;
              set({ sections: draft.sections.map((x, j) => (j === i ? { ...x, body } : x)) });
            }}
          />
        </fieldset>
      ))}
      {(problem !== null || (error != null && !conflict)) && (
        <Alert color="red" variant="light" role="alert">
          {problem ?? errorMessage(error)}
        </Alert>
      )}
      {conflict && (
        <Alert color="orange" variant="light" role="alert" title="Báo cáo vừa được người khác sửa">
          <p>
            Nội dung bạn đang sửa vẫn còn ở đây. Tải bản mới để xem thay đổi của họ (nội dung đang sửa sẽ bị
            thay).
          </p>
          <Button size="xs" variant="light" onClick={onReload}>
            Tải bản mới
          </Button>
        </Alert>
      )}
      <Group gap="sm">
        <Button type="submit" loading={saving}>
          Lưu
        </Button>
        <Button variant="default" onClick={onClose}>
          Đóng
        </Button>
      </Group>
    </form>
  );
}
