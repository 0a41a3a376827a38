/**
 * Every string the UI shows, Vietnamese first. English is in i18n-en.ts, fetched when chosen; a
 * missing key falls back to Vietnamese (i18n-complete.test.ts checks that none is missing). The chosen language is kept in localStorage ("chitieu.lang") and can be forced with
 * `?lang=en` in the address (handy for sharing a link with a foreign visitor).
 * Placeholders are written {name} and filled by t(key, { name }).
 */
import { useCallback, useSyncExternalStore } from 'react';
import { flagsVi } from './features/entry/flag-messages.ts';
import { targetVi } from './features/target/messages.ts';
import { leadersVi } from './i18n-leaders.ts';

const vi = {
  ...targetVi,
  ...leadersVi,
  ...flagsVi,
  'app.title': 'Chỉ tiêu — theo dõi chỉ tiêu nghị quyết',
  'app.product': 'Theo dõi chỉ tiêu nghị quyết',
  'app.skip': 'Bỏ qua, đến nội dung chính',
  'lang.label': 'Ngôn ngữ',

  'scope.unit': 'Đơn vị',
  'scope.unitPlaceholder': 'Chọn đơn vị',
  'scope.unitSearch': 'Tìm theo tên hoặc mã',
  'scope.unitsFound': 'Tìm thấy {count}',
  'scope.unitsFoundHint': 'Chọn trong danh sách ở trên, hoặc bấm Enter để mở đơn vị đầu tiên.',
  'scope.unitsNone': 'Không thấy đơn vị nào khớp.',
  'units.former': 'đơn vị cũ',
  'units.formerShort': 'cũ',
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
    'Tổng số đến giữa nhiệm kỳ khớp báo cáo sơ kết; phân bổ theo huyện, xã, theo từng kỳ báo cáo và mọi số liệu sau giữa nhiệm kỳ là minh họa.',

  'headline.done': 'Hoàn thành {done}/{counted} chỉ tiêu',
  'headline.none': 'Nhiệm kỳ này chưa có chỉ tiêu nào được tính.',
  'headline.context': '{unit} · số liệu đến {date}',
  'headline.noCases': '{count} chỉ tiêu không phát sinh (không tính)',
  'figure.coverage': '{reported}/{expected} đơn vị đã báo cáo kỳ {period}',
  'figure.latest': 'số liệu mới nhất: {period}',
  'headline.byStatus': 'Theo trạng thái',
  'headline.updating': 'Đang cập nhật…',

  'status.exceeded': 'Vượt',
  'status.achieved': 'Đạt',
  'status.on_track': 'Có khả năng đạt',
  'status.at_risk': 'Khó đạt',
  'status.behind': 'Chưa đạt',
  'status.unreported': 'Chưa báo cáo',
  'status.notAssigned': 'Không giao',
  'table.total': 'Tổng cộng',
  'status.noCases': 'Không phát sinh',
  'status.noGoal': 'Không có chỉ tiêu',
  'status.legend':
    'Thanh tiến độ: phần tô là quãng đường đã đi tới chỉ tiêu; vạch dọc là mức cần đạt đến ngày đang xem.',

  'targets.title': 'Các chỉ tiêu nghị quyết',
  'targets.goal': 'Chỉ tiêu NQ: {goal}',
  'targets.milestone': 'mốc giữa nhiệm kỳ do Nghị quyết đặt ra: {value}',
  'targets.pctOfGoal': '{pct} so với NQ',
  'targets.pctOfGoalLabel': '% so với NQ',
  'targets.unreported': 'Chưa báo cáo',
  'targets.wording': 'Nguyên văn chỉ tiêu',
  'targets.progressLabel': 'Tiến độ {progress}; theo tiến độ thời gian, cần đạt đến nay {expected}',
  'targets.worth': 'trị giá {money}',
  'targets.ratioDetail': '{num}/{den} trường hợp',
  'targets.empty': 'Nhiệm kỳ này chưa có chỉ tiêu nào.',

  'supplementary.title': 'Chỉ tiêu bổ sung',
  'supplementary.note': 'Không tính vào số chỉ tiêu hoàn thành.',

  'chart.showChart': 'Biểu đồ',
  'chart.showTable': 'Bảng số liệu',
  'chart.view': 'Cách xem',
  'chart.loading': 'Đang tải biểu đồ…',
  'chart.incompleteNote': '* Chưa đủ báo cáo: {list}.',
  'chart.incompletePeriod': '{period} mới có {reported}/{expected} đơn vị báo cáo',
  'chart.byUnit': '{name} theo đơn vị',
  'chart.byYear': '{name} theo năm',
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
  'chart.works.notAssignedNote': 'Không giao chỉ tiêu này: {list}.',
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
  'boundary.title': 'Không mở được trang này',
  'boundary.checking': 'Không tải được phần mềm của trang. Đang kiểm tra kết nối tới máy chủ…',
  'boundary.offline':
    'Không kết nối được tới máy chủ (mạng bị ngắt, hoặc máy chủ đang dừng). Trang sẽ tự mở lại khi máy chủ trả lời; bạn cũng có thể bấm “Tải lại”.',
  'boundary.updated':
    'Ứng dụng vừa được cập nhật nhưng trang này chưa tải được bản mới. Bấm “Tải lại”; nếu vẫn không được, hãy báo cho quản trị.',
  'boundary.crashed':
    'Trang gặp lỗi khi hiển thị. Số liệu đã lưu không bị ảnh hưởng. Bấm “Tải lại”; nếu vẫn lỗi, hãy báo cho quản trị kèm chi tiết dưới đây.',
  'boundary.details': 'Chi tiết kỹ thuật',
  'boundary.reload': 'Tải lại',

  'auth.title': 'Đăng nhập',
  'auth.subtitle': 'Đăng nhập để xem kết quả thực hiện các chỉ tiêu nghị quyết.',
  'auth.sessionEnded':
    'Phiên đăng nhập đã hết hạn. Hãy đăng nhập lại: số liệu đang nhập dở trên bảng nhập liệu vẫn được giữ trên máy này.',
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
  'nav.setup': 'Thiết lập',
  'nav.overview': 'Tổng quan',
  'nav.inbox': 'Chờ duyệt',
  'inbox.title': 'Báo cáo chờ duyệt',
  'inbox.lead':
    'Các báo cáo đã gửi, chờ bạn duyệt; lâu nhất ở trên. Mở một báo cáo để xem số liệu rồi duyệt hoặc trả lại.',
  'inbox.empty': 'Không có báo cáo nào chờ duyệt.',
  'inbox.unit': 'Đơn vị',
  'inbox.period': 'Kỳ báo cáo',
  'inbox.sent': 'Gửi lúc',
  'inbox.open': 'Mở để duyệt',
  // Reminders: the header's "Thông báo (n)" and its page (docs/decisions/0026-reminders.md).
  'nav.notifications': 'Thông báo',
  'notices.title': 'Thông báo',
  'notices.lead':
    'Báo cáo gửi lên chờ bạn duyệt, báo cáo bị trả lại và báo cáo quá hạn của các đơn vị bạn phụ trách. Bấm vào một thông báo để mở bảng nhập liệu của đơn vị và kỳ đó.',
  'notices.empty': 'Chưa có thông báo nào.',
  'notices.submitted': '{unit} đã gửi báo cáo {period} để duyệt',
  'notices.returned': 'Báo cáo {period} của {unit} bị trả lại',
  'notices.overdue': '{unit} chưa gửi báo cáo {period} (hạn {deadline})',
  'notices.by': 'Người gửi: {name}',
  'notices.returnedBy': 'Người trả lại: {name}',
  'notices.reason': 'Lý do: {comment}',
  'notices.unread': 'Chưa đọc',
  'notices.markRead': 'Đánh dấu đã đọc',
  'notices.markAll': 'Đánh dấu tất cả là đã đọc',
  'notices.unreadCount': '{count} chưa đọc',
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
  'entry.lock.closed': '{unit} đã kết thúc hoạt động: số liệu cũ chỉ người duyệt sửa được, kèm lý do.',
  'entry.lock.closedEditable': '{unit} đã kết thúc hoạt động: bạn có thể sửa số liệu cũ, kèm lý do.',
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
  'cockpit.notExpected': 'Đơn vị không báo cáo kỳ này (chưa thành lập hoặc đã kết thúc hoạt động)',
  'cockpit.overdue': 'Quá hạn',
  'cockpit.overdueMeaning': ': đã qua hạn nộp mà chưa gửi',
  'cockpit.legend': 'Chú giải trạng thái',
  'cockpit.open': 'Mở số liệu của {unit}, {period}',
  'cockpit.noUnits': 'Không có đơn vị cơ sở nào phải báo cáo trong phạm vi này.',
  'cockpit.noneOwing': 'Không còn đơn vị nào nợ báo cáo quá hạn.',
  'cockpit.noneMatching': 'Không có đơn vị nào có báo cáo ở trạng thái “{state}”.',
  'cockpit.filter': 'Lọc đơn vị theo trạng thái báo cáo',
  'cockpit.filter.all': 'Tất cả',
  'cockpit.filter.submitted': 'Chờ duyệt',
  'cockpit.filter.returned': 'Trả lại',
  'cockpit.filter.overdue': 'Quá hạn',
  'cockpit.filter.unsubmitted': 'Chưa nộp',

  'nav.terms': 'Nhiệm kỳ, chỉ tiêu',
  'terms.title': 'Nhiệm kỳ và chỉ tiêu',
  'terms.lead':
    'Khai báo nhiệm kỳ, kỳ báo cáo, các chỉ số đo lường và chỉ tiêu nghị quyết; phân bổ chỉ tiêu cho đơn vị trực thuộc.',
  'terms.noTerm': 'Chưa có nhiệm kỳ nào. Bấm “Tạo nhiệm kỳ” để bắt đầu.',
  'terms.save': 'Lưu',
  'terms.cancel': 'Hủy',
  'terms.edit': 'Sửa',
  'terms.allocate': 'Phân bổ',
  'terms.actions': 'Thao tác',
  'terms.term.create': 'Tạo nhiệm kỳ',
  'terms.term.createTitle': 'Tạo nhiệm kỳ mới',
  'terms.term.edit': 'Sửa nhiệm kỳ',
  'terms.term.editTitle': 'Sửa thông tin nhiệm kỳ',
  'terms.term.copy': 'Chép sang nhiệm kỳ sau',
  'terms.term.copyTitle': 'Chép chỉ tiêu của {name} sang nhiệm kỳ sau',
  'terms.term.copyNote':
    'Nhiệm kỳ mới nhận bản nháp các chỉ tiêu (cùng chỉ số, không có kết quả, không có phân bổ và kế hoạch năm) và các kỳ báo cáo theo ngày mới.',
  'terms.term.copySubmit': 'Tạo nhiệm kỳ sau',
  'terms.term.name': 'Tên đại hội, nhiệm kỳ',
  'terms.term.namePlaceholder': 'Đại hội đại biểu Phụ nữ tỉnh … lần thứ XV, nhiệm kỳ 2021–2026',
  'terms.term.shortName': 'Tên ngắn',
  'terms.term.code': 'Mã nhiệm kỳ',
  'terms.term.congressDate': 'Ngày đại hội',
  'terms.term.start': 'Ngày bắt đầu',
  'terms.term.mid': 'Mốc giữa nhiệm kỳ',
  'terms.term.end': 'Ngày kết thúc',
  'terms.periods.title': 'Kỳ báo cáo ({count})',
  'terms.periods.generate': 'Tạo kỳ báo cáo',
  'terms.periods.empty':
    'Chưa có kỳ báo cáo. Chọn loại kỳ rồi bấm “Tạo kỳ báo cáo”; hạn báo cáo mặc định là 10 ngày sau khi kỳ kết thúc.',
  'terms.periods.period': 'Kỳ',
  'terms.periods.dates': 'Từ – đến',
  'terms.periods.deadline': 'Hạn báo cáo (ngày/tháng/năm)',
  'terms.periods.deadlineFor': 'Hạn báo cáo {period}',
  'terms.frequency.year': 'Năm',
  'terms.frequency.half': '6 tháng',
  'terms.frequency.quarter': 'Quý',
  'terms.indicators.title': 'Chỉ số đo lường ({count})',
  'terms.indicators.note': 'Chỉ số dùng chung cho mọi nhiệm kỳ, nên số liệu được nối tiếp qua các nhiệm kỳ.',
  'terms.indicators.empty': 'Chưa có chỉ số nào.',
  'terms.indicator.create': 'Thêm chỉ số',
  'terms.indicator.createTitle': 'Thêm chỉ số',
  'terms.indicator.editTitle': 'Sửa chỉ số',
  'terms.indicator.code': 'Mã',
  'terms.indicator.name': 'Tên chỉ số',
  'terms.indicator.unit': 'Đơn vị tính',
  'terms.indicator.measureType': 'Cách tổng hợp',
  'terms.indicator.decimals': 'Số chữ số thập phân',
  'terms.indicator.decimalsShort': '{n} số thập phân',
  'terms.indicator.decimalsError': 'Số chữ số thập phân là một số từ 0 đến 6.',
  'terms.indicator.frequency': 'Tần suất báo cáo',
  'terms.indicator.ratioOverTime': 'Qua các kỳ',
  'terms.indicator.ratioSum': 'Cộng tử số và mẫu số các kỳ',
  'terms.indicator.ratioLatest': 'Lấy kỳ gần nhất',
  'terms.indicator.locked':
    'Chỉ số đã có kết quả báo cáo: không đổi được cách tổng hợp và số chữ số thập phân.',
  'terms.measure.cumulative': 'Cộng dồn',
  'terms.measure.amount': 'Số tiền (đồng)',
  'terms.measure.stock': 'Số hiện có',
  'terms.measure.ratio': 'Tỷ lệ',
  'terms.measure.units_meeting': 'Số cơ sở đạt',
  'terms.measureHelp.cumulative': 'Cộng các đơn vị và cộng các kỳ (ví dụ: số hộ thoát nghèo).',
  'terms.measureHelp.amount': 'Như cộng dồn, tính bằng đồng, hiển thị tỷ/triệu đồng.',
  'terms.measureHelp.stock': 'Cộng các đơn vị, lấy kỳ gần nhất (ví dụ: số mô hình đang hoạt động).',
  'terms.measureHelp.ratio': 'Cộng tử số và mẫu số rồi chia (ví dụ: tỷ lệ nạn nhân được hỗ trợ).',
  'terms.measureHelp.units_meeting':
    'Mỗi cơ sở Hội tự báo đạt/không đạt; kết quả là số cơ sở đạt trên số cơ sở.',
  'terms.targets.title': 'Chỉ tiêu ({count})',
  'terms.targets.empty': 'Nhiệm kỳ này chưa có chỉ tiêu nào.',
  'terms.targets.needIndicators': 'Hãy thêm chỉ số đo lường trước, rồi thêm chỉ tiêu.',
  'terms.target.create': 'Thêm chỉ tiêu',
  'terms.target.createTitle': 'Thêm chỉ tiêu',
  'terms.target.editTitle': 'Sửa chỉ tiêu {code}',
  'terms.target.code': 'Mã',
  'terms.target.shortName': 'Tên ngắn',
  'terms.target.wording': 'Nguyên văn chỉ tiêu trong nghị quyết',
  'terms.target.primary': 'Chỉ số chính',
  'terms.target.related': 'Chỉ số kèm theo',
  'terms.target.baseline': 'Số đầu nhiệm kỳ',
  'terms.target.goal': 'Chỉ tiêu cả nhiệm kỳ',
  'terms.target.milestone': 'Mốc giữa nhiệm kỳ',
  'terms.target.inUnit': 'Tính bằng: {unit}',
  'terms.target.direction': 'Chiều chỉ tiêu',
  'terms.target.atLeast': 'Ít nhất (≥)',
  'terms.target.atMost': 'Nhiều nhất (≤)',
  'terms.target.atMostShort': 'tối đa',
  'terms.target.kind': 'Loại',
  'terms.target.counted': 'Tính vào kết quả',
  'terms.target.supplementary': 'Bổ sung',
  'terms.target.order': 'Thứ tự',
  'terms.target.yearlyPlan': 'Kế hoạch từng năm (không bắt buộc)',
  'terms.target.planYear': 'Năm {year}',
  'terms.target.needIndicator': 'Chọn chỉ số chính.',
  'terms.allocation.column': 'Phân bổ',
  'terms.allocation.redo': 'Cần phân bổ lại: {count} đơn vị được phân bổ trước đây đã kết thúc hoạt động',
  'terms.target.mission': 'Dùng cho biểu đồ, trang nhiệm vụ',
  'terms.target.missionNone': 'Không',
  'terms.target.mission.poverty': 'Giảm nghèo (biểu đồ theo năm)',
  'terms.target.mission.rural': 'Nông thôn mới (biểu đồ theo đơn vị)',
  'terms.target.mission.grassroots': 'Hoạt động cơ sở Hội',
  'terms.allocation.none': 'Chưa phân bổ',
  'terms.allocation.matchesShort': 'Khớp ({count} đơn vị)',
  'terms.allocation.title': 'Phân bổ chỉ tiêu {code}',
  'terms.allocation.goal': 'Chỉ tiêu của {unit}: {goal}. Phân bổ cho các đơn vị trực thuộc:',
  'terms.allocation.noGoal': 'Chỉ tiêu này chưa có mức cả nhiệm kỳ.',
  'terms.allocation.noChildren': 'Đơn vị này không có đơn vị trực thuộc.',
  'terms.allocation.unit': 'Đơn vị',
  'terms.allocation.amount': 'Phân bổ ({unit})',
  'terms.allocation.for': 'Phân bổ cho {unit}',
  'terms.allocation.total': 'Tổng phân bổ',
  'terms.allocation.matches': 'Tổng phân bổ khớp với chỉ tiêu.',
  'terms.allocation.notSummed': 'Chưa có phân bổ để cộng (chỉ tiêu tỷ lệ áp dụng cùng mức cho mọi đơn vị).',
  'terms.allocation.save': 'Lưu phân bổ',
  'audit.setup.term': 'Nhiệm kỳ',
  'audit.setup.indicator': 'Chỉ số',
  'audit.setup.target': 'Chỉ tiêu',
  'audit.setup.allocation': 'Phân bổ chỉ tiêu',
  'audit.setup.period': 'Kỳ báo cáo',
  'audit.setup.create': 'Tạo mới',
  'audit.setup.update': 'Sửa',
  'audit.setup.copy': 'Chép từ nhiệm kỳ trước',

  'audit.unchanged': 'không đổi',
  'audit.blank': '(trống)',
  'audit.field.note': 'Ghi chú',
  'audit.field.evidence': 'Minh chứng',
  'audit.title': 'Nhật ký thay đổi',
  'audit.lead': 'Mọi lần nhập, sửa, gửi, duyệt, trả lại: ai làm, lúc nào, trước và sau. Mới nhất ở trên.',
  'audit.allUnits': 'Tất cả đơn vị',
  'audit.indicator': 'Chỉ tiêu / chỉ số',
  'audit.allIndicators': 'Tất cả chỉ tiêu',
  'audit.user': 'Người thực hiện',
  'audit.allUsers': 'Tất cả mọi người',
  'audit.from': 'Từ ngày',
  'audit.to': 'Đến ngày',
  'audit.toBeforeFrom': 'Ngày kết thúc phải cùng ngày hoặc sau ngày bắt đầu.',
  'audit.kind': 'Loại thay đổi',
  'audit.allKinds': 'Mọi thay đổi',
  'audit.kind.entered': 'Nhập, sửa số liệu',
  'audit.kind.deleted': 'Xóa số liệu',
  'audit.kind.setup': 'Thiết lập nhiệm kỳ, chỉ tiêu',
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

  // Setting up an organisation: first run, units, accounts (docs/decisions/0010).
  'nav.units': 'Đơn vị',
  'nav.users': 'Tài khoản',
  'setup.title': 'Thiết lập lần đầu',
  'setup.lead':
    'Cơ sở dữ liệu đang trống. Nhập tên tổ chức, đơn vị gốc của cây đơn vị và tài khoản quản trị đầu tiên.',
  'setup.tokenGroup': 'Mã thiết lập',
  'setup.token': 'Mã thiết lập lần đầu',
  'setup.tokenHint':
    'Máy chủ in mã này ra màn hình (và nhật ký) khi khởi động. Mở địa chỉ máy chủ in kèm thì mã được điền sẵn.',
  'setup.organisationGroup': 'Tổ chức',
  'setup.organisation': 'Tên tổ chức',
  'setup.organisationHint': 'Hiện ở đầu mọi trang, ví dụ “Hội Liên hiệp Phụ nữ tỉnh Bình Thuận”.',
  'setup.rootName': 'Tên đơn vị gốc',
  'setup.rootNameHint': 'Cấp cao nhất của cây đơn vị, ví dụ “Tỉnh Bình Thuận”.',
  'setup.rootCode': 'Mã đơn vị gốc',
  'setup.rootCodeHint': 'Mã thống kê nếu có (Bình Thuận: 60). Tệp cây đơn vị khớp đơn vị gốc theo mã này.',
  'setup.rootType': 'Loại đơn vị gốc',
  'setup.validFrom': 'Cây đơn vị có hiệu lực từ ngày',
  'setup.validFromHint': 'Thường là ngày bắt đầu nhiệm kỳ đang theo dõi.',
  'setup.adminGroup': 'Quản trị viên đầu tiên',
  'setup.displayName': 'Họ và tên',
  'setup.passwordHint': 'Ít nhất 10 ký tự, không chứa tên đăng nhập, không phải mật khẩu phổ biến.',
  'setup.passwordConfirm': 'Nhập lại mật khẩu',
  'setup.passwordMismatch': 'Hai lần nhập mật khẩu không khớp.',
  'setup.submit': 'Tạo tổ chức và đăng nhập',
  'password.title': 'Đổi mật khẩu',
  'password.lead': 'Mật khẩu của bạn do quản trị viên đặt. Hãy chọn mật khẩu riêng trước khi tiếp tục.',
  'password.current': 'Mật khẩu hiện tại (do quản trị viên cấp)',
  'password.new': 'Mật khẩu mới',
  'password.confirm': 'Nhập lại mật khẩu mới',
  'password.submit': 'Đổi mật khẩu',
  'units.title': 'Đơn vị',
  'units.start': 'Cây đơn vị có hiệu lực từ ngày {date}.',
  'units.start.change': 'Đổi',
  'units.start.fixed': 'Đã sắp xếp lại đơn vị trên cây này nên ngày hiệu lực ban đầu không đổi được nữa.',
  'units.start.label': 'Ngày hiệu lực của cây đơn vị',
  'units.start.hint':
    'Thường là ngày bắt đầu nhiệm kỳ (ngày/tháng/năm). Chỉ đổi được khi chưa có số liệu trước ngày mới.',
  'units.start.save': 'Lưu ngày',
  'units.lead':
    'Cây đơn vị trong cơ cấu hiện hành: thêm, sửa, chuyển, giải thể; nhập từ tệp CSV/XLSX hoặc xuất ra.',
  'units.summary': '{count} đơn vị đang hoạt động.',
  'units.level': 'Cấp {level}: {count}',
  'units.filter': 'Tìm theo tên hoặc mã',
  'units.caption': 'Cây đơn vị',
  'units.name': 'Tên đơn vị',
  'units.code': 'Mã',
  'units.type': 'Loại',
  'units.grassroots': 'Cơ sở Hội',
  'units.grassrootsOf': '{name} là cơ sở Hội',
  'units.grassrootsLong': 'Là cơ sở Hội (được tính trong các chỉ tiêu “số cơ sở đạt”)',
  'units.validity': 'Hiệu lực',
  'units.since': 'từ {date}',
  'units.closedOn': 'giải thể từ {date}',
  'units.actions': 'Thao tác',
  'units.edit': 'Sửa',
  'units.move': 'Chuyển',
  'units.close': 'Giải thể',
  'units.create': 'Thêm đơn vị',
  'units.import': 'Nhập từ tệp',
  'units.exportCsv': 'Xuất CSV',
  'units.exportXlsx': 'Xuất XLSX',
  'units.save': 'Lưu',
  'units.createTitle': 'Thêm đơn vị',
  'units.parent': 'Đơn vị cấp trên',
  'units.editTitle': 'Sửa {name}',
  'units.moveTitle': 'Chuyển {name}',
  'units.newParent': 'Cấp trên mới',
  'units.closeTitle': 'Giải thể {name}',
  'units.closeLead':
    'Đơn vị không còn hoạt động từ ngày này; số liệu đã báo cáo vẫn được giữ. Cần chuyển hoặc giải thể các đơn vị trực thuộc trước.',
  'units.closeDate': 'Giải thể từ ngày',
  'import.title': 'Nhập cây đơn vị từ tệp',
  'import.lead':
    'Tệp CSV hoặc XLSX có các cột code, name, type, parent_code (như tệp xuất ra). Dòng không có parent_code phải là đơn vị gốc của tổ chức (khớp theo mã). Có lỗi thì không ghi gì.',
  'import.file': 'Tệp CSV hoặc XLSX',
  'import.choose': 'Chọn tệp…',
  'import.reading': 'Đang đọc tệp…',
  'import.summary': '{rows} dòng · bảng mã {encoding} · sẽ thêm {created} đơn vị:',
  'import.problems': 'Tệp có {count} lỗi, chưa ghi gì:',
  'import.row': 'Dòng',
  'import.problem': 'Lỗi',
  'import.parentCode': 'Mã cấp trên',
  'import.action': 'Xử lý',
  'import.match': 'Đã có',
  'import.nothingNew': 'Cây đơn vị đã có đủ các đơn vị trong tệp: không có gì để thêm.',
  'import.create': 'Thêm mới',
  'import.apply': 'Áp dụng: thêm {count} đơn vị',
  'import.blocked': 'Sửa các lỗi trong tệp rồi chọn lại tệp.',
  'import.applied': 'Đã thêm {count} đơn vị.',
  'users.title': 'Tài khoản',
  'users.lead':
    'Tài khoản trong phạm vi bạn quản trị. Mỗi vai trò gắn với một đơn vị và các đơn vị cấp dưới.',
  'users.caption': 'Danh sách tài khoản',
  'users.roles': 'Vai trò',
  'users.status': 'Trạng thái',
  'users.active': 'Đang hoạt động',
  'users.inactive': 'Đã khóa',
  'users.mustChange': 'Chờ đổi mật khẩu',
  'users.removeRole': 'Bỏ vai trò {role} ở {unit}',
  'users.unitEnded': 'đơn vị đã kết thúc hoạt động từ {date}',
  'users.reassign.title': 'Cần phân lại quyền ({count})',
  'users.reassign.lead':
    'Các vai trò sau gắn với đơn vị đã kết thúc hoạt động sau khi sắp xếp. Vai trò vẫn xem được số liệu cũ của đơn vị đó; hãy giao vai trò ở đơn vị mới rồi xóa vai trò cũ.',
  'users.addRole': 'Thêm vai trò',
  'users.reset': 'Đặt lại mật khẩu',
  'users.email': 'E-mail',
  'users.noEmail': 'chưa có e-mail',
  'users.emailTitle': 'Địa chỉ e-mail của {name}',
  'users.emailLead':
    'Thông báo (báo cáo gửi lên, bị trả lại, quá hạn) được gửi đến địa chỉ này khi máy chủ có cấu hình gửi thư. Để trống nếu không nhận thư.',
  'users.emailSave': 'Lưu e-mail',
  'users.deactivate': 'Khóa',
  'users.activate': 'Mở khóa',
  'users.create': 'Thêm tài khoản',
  'users.createTitle': 'Thêm tài khoản',
  'users.role': 'Vai trò',
  'users.scope': 'Phạm vi (đơn vị)',
  'users.scopeHint': 'Vai trò có hiệu lực ở đơn vị này và mọi đơn vị cấp dưới.',
  'users.tempPassword': 'Mật khẩu tạm',
  'users.duties.title': 'Tách bạch nhiệm vụ',
  'users.duties.hint':
    'Người đã nhập hoặc gửi báo cáo kỳ của một đơn vị không được tự duyệt báo cáo đó. Chỉ quản trị viên của đơn vị gốc đổi được.',
  'users.tempPasswordHint':
    'Ít nhất 10 ký tự, không phải mật khẩu phổ biến; người dùng phải đổi khi đăng nhập lần đầu.',
  'users.addRoleTitle': 'Thêm vai trò cho {name}',
  'users.resetTitle': 'Đặt lại mật khẩu của {name}',
  'users.resetLead':
    'Các phiên đăng nhập của người này kết thúc ngay; họ phải đổi mật khẩu khi đăng nhập lại.',
  'nav.reorganise': 'Sắp xếp đơn vị',
  'structure.label': 'Cơ cấu',
  'structure.old': 'Cơ cấu cũ (như báo cáo)',
  'structure.new': 'Cơ cấu mới',
  'reorganise.title': 'Sắp xếp lại đơn vị (sáp nhập, chia tách)',
  'reorganise.intro':
    'Tải lên bản đồ sáp nhập (CSV UTF-8: new_code, new_name, new_parent_code, old_code, old_name, merge_type) và ngày hiệu lực. Xem trước, chọn đơn vị kế thừa cho đơn vị chia tách, rồi áp dụng. Kết quả đã báo cáo giữ nguyên; cơ cấu mới cộng kết quả của đơn vị cũ vào đơn vị kế thừa.',
  'reorganise.file': 'Bản đồ sáp nhập (CSV)',
  'reorganise.date': 'Ngày hiệu lực',
  'reorganise.preview': 'Xem trước',
  'reorganise.alreadyApplied': 'Bản đồ này đã được áp dụng từ ngày này.',
  'reorganise.planTitle': '{name} (thay cho {previous})',
  'reorganise.summary':
    'Giải thể {closes} đơn vị, thành lập {opens} đơn vị. Cơ cấu mới có {total} vị trí, trong đó {attributed} đơn vị cũ được cộng vào đơn vị kế thừa.',
  'reorganise.warnings': 'Lưu ý',
  'reorganise.createdParents': 'Đơn vị cấp trên mới',
  'reorganise.parentName': 'Tên đơn vị mã {code}',
  'reorganise.parentNameNeeded': 'Cần tên đơn vị trước khi áp dụng.',
  'reorganise.partials': 'Đơn vị chia tách: kết quả tính vào đơn vị nào',
  'reorganise.partialsNote':
    'Đơn vị chia cho nhiều đơn vị mới: toàn bộ kết quả cũ được cộng vào đơn vị được chỉ định (mặc định: đơn vị ghi đầu tiên).',
  'reorganise.designatedFor': 'Đơn vị kế thừa của {name}',
  'reorganise.defaulted': 'Mặc định: đơn vị ghi đầu tiên trong bản đồ',
  'reorganise.opens': 'Đơn vị thành lập ({n})',
  'reorganise.closes': 'Đơn vị giải thể ({n})',
  'reorganise.reason.map': 'Theo bản đồ',
  'reorganise.reason.level_ended': 'Hết cấp (không còn đơn vị trực thuộc)',
  'reorganise.reason.replaced': 'Được thay bằng đơn vị cùng cấp mới',
  'reorganise.allocations': 'Chỉ tiêu giao cho đơn vị cũ sẽ cộng sang đơn vị kế thừa',
  'reorganise.allocationsReview': 'Rà soát chỉ tiêu đã giao lại',
  'reorganise.noAllocations': 'Không có chỉ tiêu nào giao cho các đơn vị giải thể.',
  'reorganise.roles': 'Phân quyền chuyển sang đơn vị kế thừa',
  'reorganise.parentType': 'Loại đơn vị cấp trên mới mã {code}',
  'reorganise.parentTypeHint': 'Chọn “Tỉnh” nếu đơn vị này thay đơn vị gốc hiện nay.',
  'reorganise.parentTypeChoose': '— chọn loại —',
  'reorganise.parentTypeNeeded': 'Cần chọn loại đơn vị.',
  'reorganise.confirm.title': 'Áp dụng sắp xếp đơn vị?',
  'reorganise.confirm.body':
    'Sẽ kết thúc hoạt động {closes} đơn vị và thành lập {opens} đơn vị từ ngày {date}, tạo cơ cấu tổ chức mới. Việc này không hoàn tác được bằng một nút bấm.',
  'reorganise.confirm.apply': 'Áp dụng',
  'reorganise.roleReview': 'cần phân lại quyền',
  'reorganise.apply': 'Áp dụng từ ngày {date}',
  'reorganise.applied': 'Đã áp dụng',
  'reorganise.noop': 'Bản đồ này đã được áp dụng trước đó; không thay đổi gì.',
  'reorganise.correctNote':
    'Nếu đã chỉ định nhầm đơn vị kế thừa của đơn vị chia tách, chọn lại dưới đây: kết quả, chỉ tiêu đã giao và cơ cấu được tính lại theo lựa chọn mới.',
  'reorganise.correct': 'Sửa đơn vị kế thừa',
  'reorganise.corrected': 'Đã sửa đơn vị kế thừa của {codes}',
  'reorganise.openOverview': 'Xem tổng quan theo cơ cấu mới',
  'reorganise.col.old': 'Đơn vị cũ',
  'reorganise.col.designated': 'Kết quả tính vào',
  'reorganise.col.code': 'Mã',
  'reorganise.col.name': 'Tên',
  'reorganise.col.parent': 'Cấp trên',
  'reorganise.col.from': 'Từ',
  'reorganise.col.to': 'Sang',
  'reorganise.col.reason': 'Lý do',
  'reorganise.col.attributedTo': 'Kết quả tính vào',
  'reorganise.col.target': 'Chỉ tiêu',
  'reorganise.col.goal': 'Chỉ tiêu giao',
} as const;

export type MessageKey = keyof typeof vi;
export type Lang = 'vi' | 'en';

const dictionaries: Partial<Record<Lang, Partial<Record<MessageKey, string>>>> = { vi };

/** Fetch a language's texts once; main.tsx awaits the starting language before the first render. */
export async function loadLanguage(lang: Lang): Promise<void> {
  if (lang === 'en') dictionaries.en ??= (await import('./i18n-en.ts')).en;
}
export const LANGS: readonly Lang[] = ['vi', 'en'];
const STORAGE_KEY = 'chitieu.lang';

export type Vars = Record<string, string | number>;

/** Fill {name} placeholders; an unknown placeholder is left as written so it shows up in review. */
export function translate(lang: Lang, key: MessageKey, vars?: Vars): string {
  const template = dictionaries[lang]?.[key] ?? vi[key];
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

let wanted: Lang = current;

/**
 * Switch language once its texts are here (a later switch wins over one still loading). If they
 * cannot be fetched (the connection dropped), the language stays as it was and the switch can be
 * tried again.
 */
export async function setLang(lang: Lang): Promise<void> {
  wanted = lang;
  try {
    await loadLanguage(lang);
  } catch {
    return;
  }
  if (lang !== wanted || lang === current) return;
  current = lang;
  try {
    window.localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Not remembered, still switched.
  }
  // Outside a page (unit tests of the web's formatting) there is no document to label.
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
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
