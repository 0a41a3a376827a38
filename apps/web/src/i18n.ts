/**
 * Every string the UI shows, Vietnamese first. English may lag behind: a missing key falls back to
 * Vietnamese. The chosen language is kept in localStorage ("chitieu.lang") and can be forced with
 * `?lang=en` in the address (handy for sharing a link with a foreign visitor).
 * Placeholders are written {name} and filled by t(key, { name }).
 */
import { useCallback, useSyncExternalStore } from 'react';

const vi = {
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
  'scope.subUnitNote':
    'Đang xem {unit}. Chỉ tiêu NQ và trạng thái so sánh với chỉ tiêu chung của cả nhiệm kỳ ({owner}).',
  'scope.backToOwner': 'Về {owner}',

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
  'auth.demoHint': 'Bản trình diễn: các tài khoản mẫu và mật khẩu có trong tài liệu hướng dẫn (README).',

  'footer.source': 'Nguồn: báo cáo của các cấp Hội, tổng hợp theo cơ cấu tổ chức hiện hành.',
  'footer.demo': 'Bản trình diễn',
} as const;

export type MessageKey = keyof typeof vi;
export type Lang = 'vi' | 'en';

const en: Partial<Record<MessageKey, string>> = {
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
  'scope.subUnitNote': 'Viewing {unit}. Goals and statuses compare with the whole-term goal of {owner}.',
  'scope.backToOwner': 'Back to {owner}',

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
  'auth.demoHint': 'Demo: the sample accounts and their password are listed in the README.',

  'footer.source': 'Source: reports from each level of the Union, rolled up along the current structure.',
  'footer.demo': 'Demo',
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
