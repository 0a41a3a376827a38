/**
 * Vietnamese strings of the plausibility flags (docs/decisions/0025): the marked cell, the list in
 * the send and approve dialogs, the cockpit's mark and the indicator form's thresholds. Kept apart
 * so that i18n.ts only spreads them in; their English, with every key, is in i18n-en.ts.
 */
export const flagsVi = {
  'flag.mark': 'Bất thường',
  'flag.far_above_previous': 'gấp hơn {factor} lần kỳ trước ({past})',
  'flag.far_above_last_year': 'gấp hơn {factor} lần cùng kỳ năm trước ({past})',
  'flag.noteNeeded': 'Cần ghi lý do để gửi',
  'flag.list.title': 'Số liệu bất thường ({count})',
  'flag.list.indicator': 'Chỉ số',
  'flag.list.value': 'Giá trị',
  'flag.list.past': 'So với',
  'flag.list.note': 'Ghi chú',
  'flag.list.noNote': 'Chưa có ghi chú',
  'flag.list.previous': 'kỳ trước',
  'flag.list.lastYear': 'cùng kỳ năm trước',
  'flag.submit.blocked':
    'Còn {count} số liệu bất thường chưa có ghi chú lý do: chưa gửi được. Hãy đóng hộp thoại, ghi lý do ở cột “Ghi chú” rồi gửi lại.',
  'flag.submit.explained': 'Các số liệu bất thường đã có ghi chú lý do và sẽ được gửi kèm.',
  'flag.approve.hint': 'Hãy xem lý do của các số liệu bất thường trước khi duyệt.',
  'flag.cockpit': '{count} bất thường',
  'flag.cockpit.unexplained': '{count} chưa ghi lý do',
  'flag.cockpit.legend': ': có số liệu gấp nhiều lần kỳ trước',
  'flag.admin.title': 'Cảnh báo số liệu bất thường',
  'flag.admin.growth': 'Gấp hơn (lần)',
  'flag.admin.minChange': 'Và tăng từ ({unit})',
  'flag.admin.help':
    'Số liệu gấp hơn {factor} lần kỳ trước (hoặc cùng kỳ năm trước) và tăng từ {change} trở lên được đánh dấu bất thường; báo cáo chỉ gửi được khi số liệu đó có ghi chú lý do. Để trống: dùng mức mặc định.',
  'flag.admin.notApplicable': 'Chỉ số tỷ lệ và Đạt/Không đạt không có cảnh báo gấp nhiều lần.',
} as const;
