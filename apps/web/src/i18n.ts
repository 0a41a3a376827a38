/**
 * Every string the UI shows, Vietnamese first. English may lag behind: a missing key falls back to
 * Vietnamese. The chosen language is kept in localStorage ("chitieu.lang") and can be forced with
 * `?lang=en` in the address (handy for sharing a link with a foreign visitor).
 * Placeholders are written {name} and filled by t(key, { name }).
 */
import { useCallback, useSyncExternalStore } from 'react';
import { leadersEn, leadersVi } from './i18n-leaders.ts';

const vi = {
  ...leadersVi,
  'app.title': 'Chỉ tiêu — theo dõi chỉ tiêu nghị quyết',
  'app.product': 'Theo dõi chỉ tiêu nghị quyết',
  'app.skip': 'Bỏ qua, đến nội dung chính',
  'lang.label': 'Ngôn ngữ',

  'scope.unit': 'Đơn vị',
  'scope.unitPlaceholder': 'Chọn đơn vị',
  'scope.otherUnits': 'Các đơn vị trực thuộc khác',
  'scope.asOf': 'Số liệu tính đến ngày',
  'scope.asOfHint': 'ngày/tháng/năm',
  'scope.asOfPlaceholder': 'dd/mm/yyyy',
  'scope.asOfRange': 'Trong nhiệm kỳ: {start} – {end}',
  'scope.apply': 'Xem',
  'scope.term': 'Nhiệm kỳ',
  'scope.breadcrumb': 'Vị trí đơn vị',

  'illustrative.title': 'Số liệu minh họa',
  'illustrative.body':
    'Tổng số khớp báo cáo sơ kết giữa nhiệm kỳ; phân bổ theo huyện, xã và theo từng kỳ báo cáo là minh họa.',

  'headline.done': 'Hoàn thành {done}/{counted} chỉ tiêu',
  'headline.none': 'Nhiệm kỳ này chưa có chỉ tiêu nào được tính.',
  'headline.context': '{unit} · số liệu đến {date}',
  'headline.byStatus': 'Theo trạng thái',
  'headline.updating': 'Đang cập nhật…',

  'status.exceeded': 'Vượt',
  'status.achieved': 'Đạt',
  'status.on_track': 'Có khả năng đạt',
  'status.at_risk': 'Khó đạt',
  'status.behind': 'Chưa đạt',
  'status.unreported': 'Chưa báo cáo',
  'status.noGoal': 'Không có chỉ tiêu',
  'status.legend':
    'Thanh tiến độ: phần tô là quãng đường đã đi tới chỉ tiêu; vạch dọc là mức cần đạt đến ngày đang xem.',

  'targets.title': 'Các chỉ tiêu nghị quyết',
  'targets.goal': 'Chỉ tiêu NQ: {goal}',
  'targets.milestone': 'mốc giữa nhiệm kỳ: {value}',
  'targets.pctOfGoal': '{pct} so với NQ',
  'targets.pctOfGoalLabel': '% so với NQ',
  'targets.unreported': 'Chưa báo cáo',
  'targets.wording': 'Nguyên văn chỉ tiêu',
  'targets.progressLabel': 'Tiến độ {progress}; mức cần đạt đến nay {expected}',
  'targets.worth': 'trị giá {money}',
  'targets.ratioDetail': '{num}/{den} trường hợp',
  'targets.empty': 'Nhiệm kỳ này chưa có chỉ tiêu nào.',

  'supplementary.title': 'Chỉ tiêu bổ sung',
  'supplementary.note': 'Không tính vào số chỉ tiêu hoàn thành.',

  'chart.showChart': 'Biểu đồ',
  'chart.showTable': 'Bảng số liệu',
  'chart.view': 'Cách xem',
  'chart.loading': 'Đang tải biểu đồ…',
  'chart.empty': 'Chưa có số liệu để vẽ biểu đồ.',
  'chart.poverty.title': 'Hộ thoát nghèo, cận nghèo theo năm',
  'chart.poverty.subtitle': 'Cộng các kỳ báo cáo 6 tháng trong từng năm',
  'chart.poverty.year': 'Năm',
  'chart.poverty.partialYear': '{year} ({months} tháng)',
  'chart.poverty.households': 'Số hộ',
  'chart.poverty.plan': 'Kế hoạch năm',
  'chart.poverty.summary': 'Số hộ thoát nghèo, cận nghèo theo năm: {list}.',
  'chart.works.title': 'Công trình nông thôn mới theo đơn vị',
  'chart.works.subtitle': 'Số công trình, phần việc và giá trị, tính đến {date}',
  'chart.works.unit': 'Đơn vị',
  'chart.works.count': 'Số công trình',
  'chart.works.value': 'Giá trị (tỷ đồng)',
  'chart.works.valueTrieu': 'Giá trị (triệu đồng)',
  'chart.works.valueFull': 'Giá trị',
  'chart.works.noChildren': 'Đơn vị này không có đơn vị trực thuộc để so sánh.',
  'chart.works.notReportedNote': 'Chưa báo cáo: {list}.',
  'chart.works.summary': 'Số công trình nông thôn mới theo đơn vị: {list}.',
  'chart.works.drill': 'Xem {unit}',

  'state.loading': 'Đang tải số liệu…',
  'state.noTerms': 'Chưa có nhiệm kỳ nào. Hãy tạo nhiệm kỳ và chỉ tiêu trước.',
  'state.errorTitle': 'Không tải được số liệu',
  'state.retry': 'Thử lại',
  'state.resetDate': 'Về ngày mặc định',
  'state.resetView': 'Về trang tổng quan',
  'error.network': 'Không kết nối được máy chủ. Vui lòng kiểm tra mạng rồi thử lại.',
  'error.http': 'Máy chủ trả lời lỗi {status}.',

  'auth.title': 'Đăng nhập',
  'auth.subtitle': 'Đăng nhập để xem kết quả thực hiện các chỉ tiêu nghị quyết.',
  'auth.username': 'Tên đăng nhập',
  'auth.password': 'Mật khẩu',
  'auth.submit': 'Đăng nhập',
  'auth.logout': 'Đăng xuất',

  'footer.source': 'Nguồn: báo cáo của các cấp Hội, tổng hợp theo cơ cấu tổ chức hiện hành.',
  'footer.demo': 'Bản trình diễn',
  'scope.basis': 'Số liệu được tính',
  'scope.basisApproved': 'Chỉ số liệu đã duyệt',
  'scope.basisSubmitted': 'Gồm số liệu chờ duyệt',
  'targets.goalAllocated': 'Chỉ tiêu được giao: {goal}',
  'targets.pctOfAllocation': '{pct} so với chỉ tiêu được giao',
  'targets.noGoal': 'Chưa giao chỉ tiêu',
  'targets.termGoal': 'Chỉ tiêu NQ của cả nhiệm kỳ: {goal}',

  'nav.label': 'Các trang',
  'nav.overview': 'Tổng quan',
  'nav.entry': 'Nhập liệu',
  'nav.cockpit': 'Tình hình báo cáo',
  'nav.audit': 'Nhật ký',
  'nav.report': 'Báo cáo',
  'headline.report': 'Báo cáo sơ kết giữa nhiệm kỳ',
  'headline.exportDocx': 'Xuất báo cáo (DOCX)',

  'demo.label': 'Bản demo',
  'demo.tag': 'Bản demo',
  'demo.body': 'Số liệu mẫu để dùng thử: có thể nhập, gửi, duyệt thoải mái, không ảnh hưởng số liệu thật.',

  'role.admin': 'Quản trị',
  'role.manager': 'Quản lý chỉ tiêu',
  'role.entry': 'Nhập liệu',
  'role.approver': 'Duyệt báo cáo',
  'role.viewer': 'Xem số liệu',
  'auth.demoTitle': 'Tài khoản dùng thử',
  'auth.demoLead': 'Bấm vào một tài khoản để điền sẵn, rồi bấm Đăng nhập. Mật khẩu chung:',

  'period.year': 'Năm {year}',
  'period.firstHalf': '6 tháng đầu năm {year}',
  'period.secondHalf': '6 tháng cuối năm {year}',
  'period.quarter': 'Quý {quarter} năm {year}',
  'period.firstHalfShort': '6T đầu {year}',
  'period.secondHalfShort': '6T cuối {year}',
  'period.option': '{name} · hạn nộp {deadline}',

  'report.not_started': 'Chưa nhập',
  'report.draft': 'Đang nhập',
  'report.submitted': 'Chờ duyệt',
  'report.returned': 'Bị trả lại',
  'report.approved': 'Đã duyệt',

  'dialog.cancel': 'Hủy',
  'dialog.close': 'Đóng',

  'entry.title': 'Nhập số liệu',
  'entry.lead': 'Số liệu phát sinh trong kỳ của đơn vị. Mỗi dòng tự lưu khi bạn rời ô.',
  'entry.period': 'Kỳ báo cáo',
  'entry.report': 'Báo cáo kỳ',
  'entry.deadline': 'hạn nộp {date}',
  'entry.lastChange': 'cập nhật bởi {name} lúc {when}',
  'entry.progress': 'Đã nhập {filled}/{total} chỉ số',
  'entry.someoneElse': 'người khác',
  'entry.section.counted': 'Chỉ tiêu nghị quyết',
  'entry.section.supplementary': 'Chỉ tiêu bổ sung (không tính vào số chỉ tiêu hoàn thành)',
  'entry.col.indicator': 'Chỉ tiêu / chỉ số',
  'entry.col.reference': 'Để đối chiếu',
  'entry.col.value': 'Số liệu kỳ này',
  'entry.col.note': 'Ghi chú',
  'entry.col.evidence': 'Minh chứng (link)',
  'entry.col.status': 'Trạng thái',
  'entry.previous': 'Kỳ trước:',
  'entry.allocation': 'Được giao cả nhiệm kỳ:',
  'entry.field.value': 'số liệu kỳ này',
  'entry.field.numerator': 'tử số',
  'entry.field.denominator': 'mẫu số',
  'entry.field.meets': 'đạt hay không đạt',
  'entry.field.note': 'ghi chú',
  'entry.field.evidenceUrl': 'đường dẫn minh chứng',
  'entry.hint.unit': 'Đơn vị tính: {unit}',
  'entry.hint.money': 'Tiền: gõ 850.000, 850 triệu hoặc 1,5 tỷ',
  'entry.hint.ratio': 'Tử số / mẫu số (số trường hợp)',
  'entry.hint.meets': 'Cơ sở tự đánh giá: Đạt / Không đạt',
  'entry.meetsPlaceholder': 'Đạt / Không đạt',
  'entry.moneyPlaceholder': 'vd. 25 triệu',
  'entry.notApplicable': 'Chỉ cơ sở Hội tự đánh giá',
  'entry.noteNeeded': 'Nên ghi lý do',
  'entry.notePlaceholder': 'Ghi chú (nếu có)',
  'entry.openEvidence': 'Mở minh chứng',
  'entry.history': 'Lịch sử',
  'entry.status.saved': 'Đã lưu',
  'entry.status.savedBy': 'Lưu bởi {name} lúc {when}',
  'entry.status.saving': 'Đang lưu…',
  'entry.status.unsaved': 'Chưa lưu',
  'entry.status.invalid': 'Có lỗi, chưa lưu',
  'entry.status.failed': 'Không lưu được',
  'entry.status.conflict': 'Cần chọn giá trị',
  'entry.status.empty': 'Chưa nhập',
  'entry.conflict.title': '{name} vừa lưu một giá trị khác cho dòng này. Hãy chọn giá trị đúng:',
  'entry.conflict.mine': 'Giá trị của bạn:',
  'entry.conflict.theirs': 'Giá trị của {name}:',
  'entry.conflict.keepMine': 'Giữ giá trị của tôi',
  'entry.conflict.takeTheirs': 'Lấy giá trị mới',
  'entry.paste.done': 'Đã dán {count} ô.',
  'entry.paste.doneSkipped': 'Đã dán {count} ô; bỏ qua {skipped} ô không có chỗ tương ứng.',
  'entry.paste.locked': 'Báo cáo đang khóa, không dán được.',
  'entry.help':
    'Bàn phím: Enter hoặc ↑ ↓ để lên xuống, Tab hoặc ← → để sang ô bên, gõ để thay nội dung ô, Esc để hoàn tác, F2 để sửa trong ô. Có thể dán cả khối ô chép từ Excel.',
  'entry.submit.button': 'Gửi duyệt',
  'entry.submit.again': 'Gửi duyệt lại',
  'entry.submit.title': 'Gửi duyệt',
  'entry.submit.body':
    'Gửi báo cáo {period} của {unit} lên cấp trên duyệt? Sau khi gửi, số liệu bị khóa cho đến khi được duyệt hoặc trả lại.',
  'entry.submit.done': 'Đã gửi báo cáo. Cấp trên sẽ duyệt hoặc trả lại kèm nhận xét.',
  'entry.submit.blocked':
    'Chưa gửi được: còn dòng chưa lưu hoặc có lỗi ({list}). Sửa hoặc xóa nội dung các ô đó rồi gửi lại.',
  'entry.approve.button': 'Duyệt',
  'entry.approve.title': 'Duyệt báo cáo',
  'entry.approve.body': 'Duyệt báo cáo {period} của {unit}? Số liệu sẽ được tính vào tổng hợp và bị khóa.',
  'entry.approve.done': 'Đã duyệt báo cáo.',
  'entry.return.button': 'Trả lại',
  'entry.return.title': 'Trả lại báo cáo',
  'entry.return.body': 'Trả lại báo cáo {period} của {unit} để đơn vị sửa.',
  'entry.return.comment': 'Nhận xét gửi đơn vị',
  'entry.return.commentHint': 'Ghi rõ cần sửa gì, đơn vị sẽ thấy nhận xét này ngay trên trang nhập liệu.',
  'entry.return.commentRequired': 'Cần ghi nhận xét khi trả lại báo cáo.',
  'entry.return.done': 'Đã trả lại báo cáo kèm nhận xét.',
  'entry.returned.title': 'Báo cáo bị trả lại',
  'entry.returned.by': '{name}, {when}',
  'entry.returned.next': 'Sửa số liệu theo nhận xét, rồi bấm “Gửi duyệt lại”.',
  'entry.comment': 'Nhận xét của {name}:',
  'entry.lock.submitted':
    'Báo cáo đã gửi, đang chờ duyệt: số liệu tạm khóa. Nếu cần sửa, đề nghị cấp duyệt trả lại.',
  'entry.lock.toApprove':
    'Đơn vị đã gửi báo cáo. Kiểm tra số liệu rồi bấm “Duyệt” hoặc “Trả lại” kèm nhận xét.',
  'entry.lock.approved': 'Báo cáo đã duyệt: số liệu đã khóa.',
  'entry.lock.approvedEditable':
    'Báo cáo đã duyệt. Bạn có quyền sửa; mỗi thay đổi cần ghi lý do và được ghi vào nhật ký.',
  'entry.lock.readOnly': 'Bạn chỉ xem được số liệu này.',
  'entry.restored.title': 'Có nội dung chưa lưu từ lần trước',
  'entry.restored.body': 'Trình duyệt này còn giữ các ô bạn đã gõ nhưng chưa lưu (đánh dấu “Chưa lưu”).',
  'entry.restored.locked':
    'Trình duyệt này còn giữ các ô bạn đã gõ nhưng chưa lưu; báo cáo đang khóa nên không lưu được.',
  'entry.restored.save': 'Lưu các ô này',
  'entry.restored.discard': 'Bỏ các thay đổi này',
  'entry.reason.title': 'Sửa số liệu đã duyệt',
  'entry.reason.body': 'Báo cáo này đã được duyệt. Ghi lý do sửa (được lưu vào nhật ký) cho:',
  'entry.reason.label': 'Lý do sửa',
  'entry.reason.required': 'Cần ghi lý do khi sửa số liệu đã duyệt.',
  'entry.reason.save': 'Lưu thay đổi',
  'entry.reason.cancel': 'Hủy thay đổi',

  'history.title': 'Lịch sử: {name}',
  'history.empty': 'Chưa có thay đổi nào.',
  'history.created': 'Nhập lần đầu:',
  'history.note': 'Ghi chú: {note}',
  'history.reason': 'Lý do: {reason}',
  'history.system': 'Hệ thống',

  'excel.download': 'Tải biểu mẫu Excel',
  'excel.upload': 'Nhập từ Excel…',
  'excel.reading': 'Đang đọc tệp…',
  'excel.previewTitle': 'Nhập từ tệp {file}',
  'excel.summary': '{changes} giá trị sẽ thay đổi, {unchanged} giữ nguyên, {problems} ô có lỗi.',
  'excel.problems': 'Các ô cần sửa trong tệp (sửa rồi tải lên lại)',
  'excel.unit': 'Đơn vị',
  'excel.indicator': 'Chỉ số',
  'excel.before': 'Hiện có',
  'excel.after': 'Trong tệp',
  'excel.apply': 'Ghi {count} thay đổi',
  'excel.applied': 'Đã ghi {count} giá trị từ tệp Excel.',

  'cockpit.title': 'Tình hình báo cáo',
  'cockpit.lead': 'Đơn vị nào đã báo cáo, đơn vị nào còn nợ. Bấm vào một ô để mở số liệu của kỳ đó.',
  'cockpit.caption': 'Trạng thái báo cáo theo đơn vị và kỳ',
  'cockpit.unit': 'Đơn vị',
  'cockpit.deadline': 'Hạn {date}',
  'cockpit.done': 'Đã nộp {done}/{total}',
  'cockpit.overdue': 'Quá hạn',
  'cockpit.overdueMeaning': ': đã qua hạn nộp mà chưa gửi',
  'cockpit.owingOnly': 'Chỉ hiện đơn vị còn nợ báo cáo',
  'cockpit.owingCount': '{count}/{total} đơn vị còn nợ báo cáo quá hạn',
  'cockpit.legend': 'Chú giải trạng thái',
  'cockpit.open': 'Mở số liệu của {unit}, {period}',
  'cockpit.noUnits': 'Không có đơn vị cơ sở nào phải báo cáo trong phạm vi này.',
  'cockpit.noneOwing': 'Không còn đơn vị nào nợ báo cáo quá hạn.',

  'audit.title': 'Nhật ký thay đổi',
  'audit.lead': 'Mọi lần nhập, sửa, gửi, duyệt, trả lại: ai làm, lúc nào, trước và sau. Mới nhất ở trên.',
  'audit.allUnits': 'Tất cả đơn vị',
  'audit.indicator': 'Chỉ tiêu / chỉ số',
  'audit.allIndicators': 'Tất cả chỉ tiêu',
  'audit.user': 'Người thực hiện',
  'audit.allUsers': 'Tất cả mọi người',
  'audit.from': 'Từ ngày',
  'audit.to': 'Đến ngày',
  'audit.applyDates': 'Lọc',
  'audit.clear': 'Bỏ lọc',
  'audit.when': 'Thời gian',
  'audit.who': 'Người thực hiện',
  'audit.unit': 'Đơn vị',
  'audit.what': 'Nội dung',
  'audit.change': 'Thay đổi',
  'audit.reason': 'Lý do / nhận xét',
  'audit.created': 'Nhập mới',
  'audit.report': 'Báo cáo kỳ',
  'audit.indicatorUnknown': 'Chỉ số khác',
  'audit.action.draft': 'Bắt đầu nhập',
  'audit.action.submitted': 'Gửi duyệt',
  'audit.action.approved': 'Duyệt',
  'audit.action.returned': 'Trả lại',
  'audit.empty': 'Chưa có thay đổi nào.',
  'audit.emptyFiltered': 'Không có thay đổi nào khớp bộ lọc.',
  'audit.more': 'Xem các thay đổi cũ hơn',
} as const;

export type MessageKey = keyof typeof vi;
export type Lang = 'vi' | 'en';

const en: Partial<Record<MessageKey, string>> = {
  ...leadersEn,
  'app.title': 'Chỉ tiêu — resolution target tracking',
  'app.product': 'Resolution target tracking',
  'app.skip': 'Skip to main content',
  'lang.label': 'Language',

  'scope.unit': 'Unit',
  'scope.unitPlaceholder': 'Choose a unit',
  'scope.otherUnits': 'Other units',
  'scope.asOf': 'Figures as of',
  'scope.asOfHint': 'day/month/year',
  'scope.asOfRange': 'Within the term: {start} – {end}',
  'scope.apply': 'Show',
  'scope.term': 'Term',
  'scope.breadcrumb': 'Unit location',

  'illustrative.title': 'Illustrative figures',
  'illustrative.body':
    'Totals match the mid-term review report; the split by district, commune and reporting period is illustrative.',

  'headline.done': '{done}/{counted} targets completed',
  'headline.none': 'No counted targets in this term yet.',
  'headline.context': '{unit} · figures as of {date}',
  'headline.byStatus': 'By status',
  'headline.updating': 'Updating…',

  'status.exceeded': 'Exceeded',
  'status.achieved': 'Achieved',
  'status.on_track': 'On track',
  'status.at_risk': 'At risk',
  'status.behind': 'Behind',
  'status.unreported': 'Not reported',
  'status.noGoal': 'No goal',
  'status.legend':
    'Progress bar: the filled part is the way covered towards the goal; the vertical mark is where it should be by the date shown.',

  'targets.title': 'Resolution targets',
  'targets.goal': 'Goal: {goal}',
  'targets.milestone': 'mid-term milestone: {value}',
  'targets.pctOfGoal': '{pct} of goal',
  'targets.pctOfGoalLabel': '% of goal',
  'targets.unreported': 'Not reported',
  'targets.wording': 'Full wording',
  'targets.progressLabel': 'Progress {progress}; expected by now {expected}',
  'targets.worth': 'worth {money}',
  'targets.ratioDetail': '{num}/{den} cases',
  'targets.empty': 'This term has no targets yet.',

  'supplementary.title': 'Supplementary targets',
  'supplementary.note': 'Not counted in the completed targets.',

  'chart.showChart': 'Chart',
  'chart.showTable': 'Table',
  'chart.view': 'View as',
  'chart.loading': 'Loading chart…',
  'chart.empty': 'No figures to chart yet.',
  'chart.poverty.title': 'Households lifted out of poverty, by year',
  'chart.poverty.subtitle': 'Sum of the half-year reports in each year',
  'chart.poverty.year': 'Year',
  'chart.poverty.partialYear': '{year} ({months} months)',
  'chart.poverty.households': 'Households',
  'chart.poverty.plan': 'Yearly plan',
  'chart.poverty.summary': 'Households lifted out of poverty by year: {list}.',
  'chart.works.title': 'New rural area works by unit',
  'chart.works.subtitle': 'Number and value of works, as of {date}',
  'chart.works.unit': 'Unit',
  'chart.works.count': 'Works',
  'chart.works.value': 'Value (billion đồng)',
  'chart.works.valueTrieu': 'Value (million đồng)',
  'chart.works.valueFull': 'Value',
  'chart.works.noChildren': 'This unit has no sub-units to compare.',
  'chart.works.notReportedNote': 'Not reported: {list}.',
  'chart.works.summary': 'New rural area works by unit: {list}.',
  'chart.works.drill': 'Open {unit}',

  'state.loading': 'Loading figures…',
  'state.noTerms': 'No term yet. Create a term and its targets first.',
  'state.errorTitle': 'Could not load the figures',
  'state.retry': 'Try again',
  'state.resetDate': 'Back to the default date',
  'state.resetView': 'Back to the overview',
  'error.network': 'Cannot reach the server. Check the connection and try again.',
  'error.http': 'The server answered with error {status}.',

  'auth.title': 'Sign in',
  'auth.subtitle': 'Sign in to see how the resolution targets stand.',
  'auth.username': 'Username',
  'auth.password': 'Password',
  'auth.submit': 'Sign in',
  'auth.logout': 'Sign out',

  'footer.source': 'Source: reports from each level of the Union, rolled up along the current structure.',
  'footer.demo': 'Demo',

  'scope.basis': 'Figures counted',
  'scope.basisApproved': 'Approved figures only',
  'scope.basisSubmitted': 'Include figures awaiting approval',
  'targets.goalAllocated': 'Allocated goal: {goal}',
  'targets.pctOfAllocation': '{pct} of allocated goal',
  'targets.noGoal': 'No goal allocated',
  'targets.termGoal': 'Resolution goal for the whole term: {goal}',

  'nav.label': 'Pages',
  'nav.overview': 'Overview',
  'nav.entry': 'Data entry',
  'nav.cockpit': 'Reporting status',
  'nav.audit': 'Audit log',
  'nav.report': 'Report',
  'headline.report': 'Mid-term report',
  'headline.exportDocx': 'Export report (DOCX)',

  'demo.label': 'Demo',
  'demo.tag': 'Demo',
  'demo.body': 'Sample data to try things out: enter, submit and approve freely, nothing real is affected.',

  'role.admin': 'Administrator',
  'role.manager': 'Target manager',
  'role.entry': 'Data entry',
  'role.approver': 'Approves reports',
  'role.viewer': 'Views figures',
  'auth.demoTitle': 'Demo accounts',
  'auth.demoLead': 'Click an account to fill in the form, then sign in. Shared password:',

  'period.year': 'Year {year}',
  'period.firstHalf': 'First half of {year}',
  'period.secondHalf': 'Second half of {year}',
  'period.quarter': 'Quarter {quarter} of {year}',
  'period.firstHalfShort': 'H1 {year}',
  'period.secondHalfShort': 'H2 {year}',
  'period.option': '{name} · due {deadline}',

  'report.not_started': 'Not started',
  'report.draft': 'In progress',
  'report.submitted': 'Awaiting approval',
  'report.returned': 'Returned',
  'report.approved': 'Approved',

  'dialog.cancel': 'Cancel',
  'dialog.close': 'Close',

  'entry.title': 'Enter results',
  'entry.lead': "The unit's results arising in the period. Each row saves itself when you leave a cell.",
  'entry.period': 'Reporting period',
  'entry.report': 'Period report',
  'entry.deadline': 'due {date}',
  'entry.lastChange': 'updated by {name} at {when}',
  'entry.progress': '{filled}/{total} indicators entered',
  'entry.someoneElse': 'someone else',
  'entry.section.counted': 'Resolution targets',
  'entry.section.supplementary': 'Supplementary targets (not counted as completed targets)',
  'entry.col.indicator': 'Target / indicator',
  'entry.col.reference': 'For comparison',
  'entry.col.value': 'This period',
  'entry.col.note': 'Note',
  'entry.col.evidence': 'Evidence (link)',
  'entry.col.status': 'Status',
  'entry.previous': 'Previous period:',
  'entry.allocation': 'Allocated for the term:',
  'entry.field.value': 'this period',
  'entry.field.numerator': 'numerator',
  'entry.field.denominator': 'denominator',
  'entry.field.meets': 'met or not',
  'entry.field.note': 'note',
  'entry.field.evidenceUrl': 'evidence link',
  'entry.hint.unit': 'Unit: {unit}',
  'entry.hint.money': 'Money: type 850.000, 850 triệu or 1,5 tỷ',
  'entry.hint.ratio': 'Numerator / denominator (cases)',
  'entry.hint.meets': 'Self-assessed: Đạt / Không đạt',
  'entry.meetsPlaceholder': 'Đạt / Không đạt',
  'entry.moneyPlaceholder': 'e.g. 25 triệu',
  'entry.notApplicable': 'Answered by grassroots units only',
  'entry.noteNeeded': 'Please give a reason',
  'entry.notePlaceholder': 'Note (optional)',
  'entry.openEvidence': 'Open evidence',
  'entry.history': 'History',
  'entry.status.saved': 'Saved',
  'entry.status.savedBy': 'Saved by {name} at {when}',
  'entry.status.saving': 'Saving…',
  'entry.status.unsaved': 'Not saved',
  'entry.status.invalid': 'Error, not saved',
  'entry.status.failed': 'Could not save',
  'entry.status.conflict': 'Choose a value',
  'entry.status.empty': 'Not entered',
  'entry.conflict.title': '{name} has just saved a different value for this row. Choose the right one:',
  'entry.conflict.mine': 'Your value:',
  'entry.conflict.theirs': "{name}'s value:",
  'entry.conflict.keepMine': 'Keep my value',
  'entry.conflict.takeTheirs': 'Take the new value',
  'entry.paste.done': 'Pasted {count} cells.',
  'entry.paste.doneSkipped': 'Pasted {count} cells; skipped {skipped} that had no matching cell.',
  'entry.paste.locked': 'The report is locked; nothing was pasted.',
  'entry.help':
    'Keyboard: Enter or ↑ ↓ to move up and down, Tab or ← → to move across, type to replace a cell, Esc to undo, F2 to edit inside a cell. You can paste a block of cells copied from Excel.',
  'entry.submit.button': 'Submit for approval',
  'entry.submit.again': 'Submit again',
  'entry.submit.title': 'Submit for approval',
  'entry.submit.body':
    'Submit the report of {unit} for {period} for approval? Once submitted, the figures are locked until approved or returned.',
  'entry.submit.done': 'Report submitted. It will be approved or returned with a comment.',
  'entry.submit.blocked':
    'Not submitted: some rows are unsaved or have errors ({list}). Fix or clear those cells, then submit again.',
  'entry.approve.button': 'Approve',
  'entry.approve.title': 'Approve report',
  'entry.approve.body':
    'Approve the report of {unit} for {period}? Its figures will count in the totals and be locked.',
  'entry.approve.done': 'Report approved.',
  'entry.return.button': 'Return',
  'entry.return.title': 'Return report',
  'entry.return.body': 'Return the report of {unit} for {period} to be corrected.',
  'entry.return.comment': 'Comment to the unit',
  'entry.return.commentHint': 'Say what needs fixing; the unit sees this comment on its entry page.',
  'entry.return.commentRequired': 'A comment is needed to return a report.',
  'entry.return.done': 'Report returned with your comment.',
  'entry.returned.title': 'Report returned',
  'entry.returned.by': '{name}, {when}',
  'entry.returned.next': 'Correct the figures as asked, then click “Submit again”.',
  'entry.comment': 'Comment from {name}:',
  'entry.lock.submitted':
    'Report submitted, awaiting approval: figures are locked. To change them, ask the approver to return it.',
  'entry.lock.toApprove':
    'The unit has submitted its report. Check the figures, then Approve, or Return with a comment.',
  'entry.lock.approved': 'Report approved: figures are locked.',
  'entry.lock.approvedEditable':
    'Report approved. You may correct it; each change needs a reason and is written to the audit log.',
  'entry.lock.readOnly': 'You can only view these figures.',
  'entry.restored.title': 'Unsaved text from last time',
  'entry.restored.body': 'This browser still holds cells you typed but did not save (marked “Not saved”).',
  'entry.restored.locked':
    'This browser still holds cells you typed but did not save; the report is locked, so they cannot be saved.',
  'entry.restored.save': 'Save these cells',
  'entry.restored.discard': 'Discard these changes',
  'entry.reason.title': 'Change approved figures',
  'entry.reason.body':
    'This report has been approved. Give a reason for the change (kept in the audit log) to:',
  'entry.reason.label': 'Reason for the change',
  'entry.reason.required': 'A reason is needed to change approved figures.',
  'entry.reason.save': 'Save change',
  'entry.reason.cancel': 'Undo change',

  'history.title': 'History: {name}',
  'history.empty': 'No changes yet.',
  'history.created': 'First entered:',
  'history.note': 'Note: {note}',
  'history.reason': 'Reason: {reason}',
  'history.system': 'System',

  'excel.download': 'Download Excel template',
  'excel.upload': 'Import from Excel…',
  'excel.reading': 'Reading the file…',
  'excel.previewTitle': 'Import from {file}',
  'excel.summary': '{changes} values will change, {unchanged} stay the same, {problems} cells have errors.',
  'excel.problems': 'Cells to fix in the file (fix them and upload again)',
  'excel.unit': 'Unit',
  'excel.indicator': 'Indicator',
  'excel.before': 'Now',
  'excel.after': 'In the file',
  'excel.apply': 'Write {count} changes',
  'excel.applied': 'Wrote {count} values from the Excel file.',

  'cockpit.title': 'Reporting status',
  'cockpit.lead': 'Which units have reported and which still owe a report. Click a cell to open that period.',
  'cockpit.caption': 'Report state by unit and period',
  'cockpit.unit': 'Unit',
  'cockpit.deadline': 'Due {date}',
  'cockpit.done': '{done}/{total} submitted',
  'cockpit.overdue': 'Overdue',
  'cockpit.overdueMeaning': ': past the deadline and not submitted',
  'cockpit.owingOnly': 'Only units that still owe a report',
  'cockpit.owingCount': '{count}/{total} units owe an overdue report',
  'cockpit.legend': 'State legend',
  'cockpit.open': 'Open the figures of {unit}, {period}',
  'cockpit.noUnits': 'No grassroots unit reports within this scope.',
  'cockpit.noneOwing': 'No unit owes an overdue report.',

  'audit.title': 'Audit log',
  'audit.lead':
    'Every entry, change, submission, approval and return: who, when, before and after. Newest first.',
  'audit.allUnits': 'All units',
  'audit.indicator': 'Target / indicator',
  'audit.allIndicators': 'All targets',
  'audit.user': 'Person',
  'audit.allUsers': 'Everyone',
  'audit.from': 'From',
  'audit.to': 'To',
  'audit.applyDates': 'Filter',
  'audit.clear': 'Clear filters',
  'audit.when': 'When',
  'audit.who': 'Who',
  'audit.unit': 'Unit',
  'audit.what': 'What',
  'audit.change': 'Change',
  'audit.reason': 'Reason / comment',
  'audit.created': 'New',
  'audit.report': 'Period report',
  'audit.indicatorUnknown': 'Other indicator',
  'audit.action.draft': 'Started',
  'audit.action.submitted': 'Submitted',
  'audit.action.approved': 'Approved',
  'audit.action.returned': 'Returned',
  'audit.empty': 'No changes yet.',
  'audit.emptyFiltered': 'No changes match the filters.',
  'audit.more': 'Show older changes',
};

const dictionaries: Record<Lang, Partial<Record<MessageKey, string>>> = { vi, en };
export const LANGS: readonly Lang[] = ['vi', 'en'];
const STORAGE_KEY = 'chitieu.lang';

export type Vars = Record<string, string | number>;

/** Fill {name} placeholders; an unknown placeholder is left as written so it shows up in review. */
export function translate(lang: Lang, key: MessageKey, vars?: Vars): string {
  const template = dictionaries[lang][key] ?? vi[key];
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

function isLang(value: unknown): value is Lang {
  return value === 'vi' || value === 'en';
}

function initialLang(): Lang {
  if (typeof window === 'undefined') return 'vi';
  const fromUrl = new URLSearchParams(window.location.search).get('lang');
  if (isLang(fromUrl)) return fromUrl;
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (isLang(stored)) return stored;
  } catch {
    // Storage can be off (private mode); Vietnamese then.
  }
  return 'vi';
}

let current: Lang = initialLang();
const listeners = new Set<() => void>();

export function getLang(): Lang {
  return current;
}

export function setLang(lang: Lang): void {
  if (lang === current) return;
  current = lang;
  try {
    window.localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Not remembered, still switched.
  }
  document.documentElement.lang = lang;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Translate in the current language (outside React, e.g. error messages built by fetchers). */
export function t(key: MessageKey, vars?: Vars): string {
  return translate(current, key, vars);
}

/** The current language, a setter and t() bound to it; re-renders when the language changes. */
export function useI18n() {
  const lang = useSyncExternalStore(subscribe, getLang, getLang);
  const bound = useCallback((key: MessageKey, vars?: Vars) => translate(lang, key, vars), [lang]);
  return { lang, setLang, t: bound };
}
