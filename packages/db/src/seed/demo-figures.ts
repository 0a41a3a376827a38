/**
 * The demo's figures as data (one list per table; long because it is a dictionary): the indicators,
 * the targets of congress XV and the per-half-year totals the invented splits add up to.
 */
import type { Mission } from '@chitieu/core';
import type * as s from '../schema.ts';

/** The five half-years reported by the mid-term, oldest first. */
export const REPORTED_HALVES = ['2022-01-01', '2022-07-01', '2023-01-01', '2023-07-01', '2024-01-01'];

export interface DemoTarget {
  code: string;
  wording: string;
  shortName: string;
  indicator: string;
  goal: number | null;
  baseline?: number;
  midTermMilestone?: number;
  counted?: boolean;
  related?: string[];
  yearlyPlan?: number[];
  /** The overview chart and mission page this target feeds. */
  mission?: Mission;
}

export const INDICATORS: (typeof s.indicators.$inferInsert)[] = [
  {
    code: 'HD5LH',
    name: 'Cơ sở Hội duy trì 5 loại hình hoạt động',
    measurementUnit: 'cơ sở',
    measureType: 'units_meeting',
    decimals: 1,
    frequency: 'half',
  },
  {
    code: 'THOATNGHEO',
    name: 'Hộ thoát nghèo, cận nghèo được Hội hỗ trợ',
    measurementUnit: 'hộ',
    measureType: 'cumulative',
    decimals: 0,
    frequency: 'half',
  },
  {
    code: 'NTM_CT',
    name: 'Công trình, phần việc xây dựng nông thôn mới',
    measurementUnit: 'công trình',
    measureType: 'cumulative',
    decimals: 0,
    frequency: 'half',
  },
  {
    code: 'NTM_GT',
    name: 'Giá trị công trình, phần việc nông thôn mới',
    measurementUnit: 'đồng',
    measureType: 'amount',
    decimals: 0,
    frequency: 'half',
  },
  {
    code: 'GD5K3S',
    name: 'Hộ đạt tiêu chí “Gia đình 5 không, 3 sạch”',
    measurementUnit: 'hộ',
    measureType: 'cumulative',
    decimals: 0,
    frequency: 'half',
  },
  {
    code: 'TO_CDS',
    name: 'Mô hình “Tổ hỗ trợ phụ nữ chuyển đổi số” đang hoạt động',
    measurementUnit: 'mô hình',
    measureType: 'stock',
    decimals: 0,
    frequency: 'half',
  },
  {
    code: 'NANNHAN',
    name: 'Nạn nhân bạo lực, mua bán người được tiếp cận dịch vụ hỗ trợ',
    measurementUnit: '%',
    measureType: 'ratio',
    decimals: 1,
    frequency: 'half',
    ratioOverTime: 'sum',
  },
  {
    code: 'NGUONLUC',
    name: 'Nguồn lực vận động hỗ trợ phụ nữ, trẻ em khó khăn',
    measurementUnit: 'đồng',
    measureType: 'amount',
    decimals: 0,
    frequency: 'half',
  },
  {
    code: 'HTX',
    name: 'Hợp tác xã, tổ hợp tác do phụ nữ quản lý thành lập mới',
    measurementUnit: 'HTX, THT',
    measureType: 'cumulative',
    decimals: 0,
    frequency: 'half',
  },
  {
    code: 'CBGIOI',
    name: 'Cán bộ Hội cơ sở giỏi được khen thưởng',
    measurementUnit: 'người',
    measureType: 'cumulative',
    decimals: 0,
    frequency: 'half',
  },
  {
    code: 'CNTT_GIAI',
    name: 'Sản phẩm đạt giải cuộc thi ứng dụng CNTT trong sinh hoạt Hội',
    measurementUnit: 'sản phẩm',
    measureType: 'cumulative',
    decimals: 0,
    frequency: 'half',
  },
  {
    code: 'HVDANHDU',
    name: 'Nam giới được kết nạp hội viên danh dự',
    measurementUnit: 'người',
    measureType: 'cumulative',
    decimals: 0,
    frequency: 'half',
  },
];

export const TARGETS: DemoTarget[] = [
  {
    code: 'CT1',
    indicator: 'HD5LH',
    mission: 'grassroots',
    goal: 1000,
    baseline: 900,
    wording: '100% cơ sở Hội duy trì thường xuyên và nhân rộng 5 loại hình hoạt động',
    shortName: 'Cơ sở Hội duy trì 5 loại hình hoạt động',
  },
  {
    code: 'CT2',
    indicator: 'THOATNGHEO',
    mission: 'poverty',
    goal: 700,
    midTermMilestone: 350,
    yearlyPlan: [140, 140, 140, 140, 140],
    wording: 'Vận động, hỗ trợ giúp ít nhất 700 hộ thoát nghèo, cận nghèo trong nhiệm kỳ',
    shortName: 'Hộ thoát nghèo, cận nghèo',
  },
  {
    code: 'CT3',
    indicator: 'NTM_CT',
    mission: 'rural',
    goal: 500,
    midTermMilestone: 250,
    related: ['NTM_GT'],
    wording: 'Thực hiện ít nhất 500 công trình, phần việc tham gia xây dựng nông thôn mới, đô thị văn minh',
    shortName: 'Công trình, phần việc nông thôn mới',
  },
  {
    code: 'CT4',
    indicator: 'GD5K3S',
    goal: 2500,
    wording: 'Vận động, giúp ít nhất 2.500 hộ gia đình đạt tiêu chí “Gia đình 5 không, 3 sạch”',
    shortName: 'Hộ đạt “Gia đình 5 không, 3 sạch”',
  },
  {
    code: 'CT5',
    indicator: 'TO_CDS',
    goal: 10,
    baseline: 0,
    wording: 'Xây dựng 10 mô hình điểm “Tổ hỗ trợ phụ nữ chuyển đổi số” (khâu đột phá)',
    shortName: 'Mô hình “Tổ hỗ trợ phụ nữ chuyển đổi số”',
  },
  {
    code: 'CT6',
    indicator: 'NANNHAN',
    goal: 800,
    baseline: 700,
    wording:
      'Phấn đấu 80% phụ nữ, trẻ em gái là nạn nhân của bạo lực, mua bán người được tiếp cận ít nhất một dịch vụ hỗ trợ',
    shortName: 'Nạn nhân bạo lực được tiếp cận dịch vụ hỗ trợ',
  },
  {
    code: 'CT7',
    indicator: 'NGUONLUC',
    goal: 20_000_000_000,
    wording: 'Vận động nguồn lực hỗ trợ phụ nữ, trẻ em có hoàn cảnh khó khăn đạt ít nhất 20 tỷ đồng',
    shortName: 'Nguồn lực hỗ trợ phụ nữ, trẻ em khó khăn',
  },
  {
    code: 'CT8',
    indicator: 'HTX',
    goal: 30,
    wording: 'Hỗ trợ thành lập mới ít nhất 30 hợp tác xã, tổ hợp tác do phụ nữ quản lý',
    shortName: 'HTX, tổ hợp tác do phụ nữ quản lý',
  },
  {
    code: 'BS1',
    indicator: 'CBGIOI',
    goal: null,
    counted: false,
    wording: 'Cá nhân đạt danh hiệu “Cán bộ Hội cơ sở giỏi” được Ban Thường vụ Hội LHPN tỉnh khen thưởng',
    shortName: 'Cán bộ Hội cơ sở giỏi được khen thưởng',
  },
  {
    code: 'BS2',
    indicator: 'CNTT_GIAI',
    goal: null,
    counted: false,
    wording: 'Sản phẩm đạt giải Cuộc thi “Ứng dụng công nghệ thông tin trong tổ chức sinh hoạt Hội” cấp tỉnh',
    shortName: 'Sản phẩm đạt giải cuộc thi ứng dụng CNTT',
  },
  {
    code: 'BS3',
    indicator: 'HVDANHDU',
    goal: null,
    counted: false,
    wording: 'Nam giới được kết nạp hội viên danh dự Hội LHPN Việt Nam',
    shortName: 'Hội viên danh dự (nam giới)',
  },
];

/** Per-half-year totals that add up to the article's figures. */
export const HALF_YEAR_TOTALS: Record<string, number[]> = {
  THOATNGHEO: [130, 160, 140, 175, 141], // 746
  NTM_CT: [110, 125, 105, 130, 114], // 584
  GD5K3S: [560, 640, 585, 650, 551], // 2.986: "gần 3.000"
  HTX: [2, 3, 2, 3, 1], // 11 of 30: the one target behind pace
};
/** Money per half-year in millions of đồng: 11.540 triệu = 11,54 tỷ; 21.350 triệu. */
export const MONEY_MILLIONS = {
  NTM_GT: [2150, 2480, 2090, 2610, 2210],
  NGUONLUC: [3900, 4600, 4100, 4850, 3900],
};
/** Victims reached / victims, per half-year: 171/204 = 83,8%. */
export const VICTIMS = { reached: [30, 34, 33, 38, 36], total: [38, 41, 39, 44, 42] };
/** Pilot digital-transformation teams in operation at the end of each half-year. */
export const TEAMS_IN_OPERATION = [2, 4, 6, 8, 10];
/** Figures reported by a non-leaf unit as its own activity: [indicator, unit code, half-year index, value]. */
export const OWN_ACTIVITY: [string, string, number, number][] = [
  ['CBGIOI', '60', 4, 13],
  ['CNTT_GIAI', '60', 4, 11],
  ['HVDANHDU', '593', 4, 28],
];
