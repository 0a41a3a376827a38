/**
 * The report's three charts as Vega-Lite specs, from the report's figures: completion of each counted
 * target (% so với NQ), the poverty target by year (the half-year reports added up), and the works
 * target with its value by child unit. Pure data → spec; drawing is in report-charts.ts (a worker).
 */

import {
  formatMoneyIn,
  formatScaled,
  type Mission,
  MONEY_SCALE_UNITS,
  moneyScale,
  STATUS_COLOURS,
  type StatusKey,
  shortUnitName,
  statusKeyOf,
} from '@chitieu/core';
import type { ReportData } from '@chitieu/db';
import type { TopLevelSpec } from 'vega-lite';
import { pctText, STATUS_LABELS } from './report-format.ts';

export const CHART_FONT = 'Liberation Sans';

export const CHART_KEYS = ['completion', 'poverty', 'works'] as const;
export type ChartKey = (typeof CHART_KEYS)[number];

/** The dashboard's status colours (Okabe–Ito, defined once in @chitieu/core). */
const STATUS_COLORS: Record<StatusKey, string> = STATUS_COLOURS;

export interface ChartImage {
  key: ChartKey;
  title: string;
  /** Null when there is nothing to draw (no figures yet, or no units below the scope). */
  png: Uint8Array | null;
  /** Size in CSS pixels (the PNG is ZOOM times larger). */
  width: number;
  height: number;
}

const BASE_CONFIG = {
  font: CHART_FONT,
  background: 'white',
  view: { stroke: null },
  axis: {
    labelFontSize: 12,
    titleFontSize: 12,
    titleFontWeight: 'normal' as const,
    labelColor: '#222',
    titleColor: '#222',
  },
  legend: {
    labelFontSize: 12,
    titleFontSize: 12,
    orient: 'bottom' as const,
    titleFontWeight: 'normal' as const,
    symbolType: 'square',
    symbolOpacity: 1,
  },
  text: { fontSize: 12, color: '#222' },
};

export interface ChartSpec {
  key: ChartKey;
  title: string;
  spec: TopLevelSpec | null;
}

/** The three charts' specs for a report's figures (null spec: nothing to draw). */
export function chartSpecs(data: ReportData): ChartSpec[] {
  return [completionSpec(data), povertySpec(data), worksSpec(data)];
}

function completionSpec(data: ReportData): ChartSpec {
  const title = 'Biểu đồ 1. Tỷ lệ thực hiện các chỉ tiêu so với Nghị quyết (%)';
  const rows = data.targets
    .filter((t) => t.counted && t.goal !== null && t.goal !== 0 && t.figure.value !== null)
    .map((t) => {
      const key = statusKeyOf(t.status, t.figure, t.goal);
      return {
        label: `${t.code}. ${t.shortName}`,
        pct: ((t.figure.value as number) / (t.goal as number)) * 100,
        text: pctText(t.figure.value, t.goal),
        status: STATUS_LABELS[key],
        key,
      };
    });
  if (rows.length === 0) return { key: 'completion', title, spec: null };
  const present = Object.keys(STATUS_COLORS).filter((k) => rows.some((r) => r.key === k)) as StatusKey[];
  const max = Math.max(120, ...rows.map((r) => r.pct)) * 1.12;
  const spec: TopLevelSpec = {
    width: 270,
    height: rows.length * 30,
    config: BASE_CONFIG,
    data: { values: rows },
    layer: [
      {
        mark: { type: 'bar', height: 18 },
        encoding: {
          y: { field: 'label', type: 'nominal', sort: null, title: null, axis: { labelLimit: 290 } },
          x: {
            field: 'pct',
            type: 'quantitative',
            scale: { domain: [0, max], nice: false },
            title: '% so với chỉ tiêu Nghị quyết',
            axis: { format: ',.0f', tickCount: 6 },
          },
          color: {
            field: 'status',
            type: 'nominal',
            title: 'Đánh giá',
            scale: {
              domain: present.map((k) => STATUS_LABELS[k]),
              range: present.map((k) => STATUS_COLORS[k]),
            },
          },
        },
      },
      {
        mark: { type: 'text', align: 'left', dx: 4 },
        encoding: {
          y: { field: 'label', type: 'nominal', sort: null },
          x: { field: 'pct', type: 'quantitative' },
          text: { field: 'text' },
        },
      },
      {
        data: { values: [{ x: 100 }] },
        mark: { type: 'rule', color: '#333', strokeDash: [4, 3] },
        encoding: { x: { field: 'x', type: 'quantitative' } },
      },
    ],
  };
  return { key: 'completion', title, spec };
}

/** The target a chart is about: the one a manager gave that mission (as on the dashboard), else a likely one. */
function pickTarget(
  data: ReportData,
  mission: Mission,
  fallback: (t: ReportData['targets'][number]) => boolean,
) {
  return data.targets.find((t) => t.mission === mission) ?? data.targets.find(fallback);
}

function povertySpec(data: ReportData): ChartSpec {
  const target = pickTarget(data, 'poverty', (t) => t.counted && t.indicator.measureType === 'cumulative');
  const title = target
    ? `Biểu đồ 2. ${target.shortName} theo năm (${target.indicator.measurementUnit})`
    : 'Biểu đồ 2. Kết quả theo năm';
  if (!target) return { key: 'poverty', title, spec: null };
  const points = data.series.find((x) => x.targetId === target.id)?.points ?? [];
  const years = new Map<number, { value: number | null; lastEnd: string }>();
  for (const p of points) {
    const year = Number(p.startDate.slice(0, 4));
    const entry = years.get(year) ?? { value: null, lastEnd: p.endDate };
    if (p.period.value !== null) entry.value = (entry.value ?? 0) + p.period.value;
    if (p.endDate > entry.lastEnd) entry.lastEnd = p.endDate;
    years.set(year, entry);
  }
  const showPlan = data.scope.unit.id === data.scope.term.ownerUnitId;
  const plan = new Map(showPlan ? target.yearlyPlan.map((p) => [p.year, p.amount]) : []);
  const rows: { year: string; series: string; value: number; text: string }[] = [];
  for (const [year, { value, lastEnd }] of [...years.entries()].sort(([a], [b]) => a - b)) {
    const complete = lastEnd >= `${year}-12-31`;
    const label = complete ? String(year) : `${year} (${Number(lastEnd.slice(5, 7))} tháng)`;
    if (value !== null) {
      rows.push({
        year: label,
        series: 'Kết quả',
        value,
        text: formatScaled(value, target.indicator.decimals),
      });
    }
    const planned = plan.get(year);
    if (planned !== undefined) rows.push({ year: label, series: 'Kế hoạch năm', value: planned, text: '' });
  }
  if (!rows.some((r) => r.series === 'Kết quả')) return { key: 'poverty', title, spec: null };
  const withPlan = rows.some((r) => r.series === 'Kế hoạch năm');
  const color = {
    field: 'series',
    type: 'nominal' as const,
    title: null,
    scale: withPlan
      ? { domain: ['Kết quả', 'Kế hoạch năm'], range: ['#0072B2', '#333333'] }
      : { domain: ['Kết quả'], range: ['#0072B2'] },
  };
  const x = { field: 'year', type: 'nominal' as const, sort: null, title: null, axis: { labelAngle: 0 } };
  const spec: TopLevelSpec = {
    width: 480,
    height: 210,
    config: BASE_CONFIG,
    data: { values: rows },
    layer: [
      {
        transform: [{ filter: "datum.series === 'Kết quả'" }],
        mark: { type: 'bar', width: { band: 0.55 } },
        encoding: {
          x,
          y: {
            field: 'value',
            type: 'quantitative',
            title: target.indicator.measurementUnit,
            axis: { format: ',d' },
          },
          color,
        },
      },
      {
        transform: [{ filter: "datum.series === 'Kết quả'" }],
        mark: { type: 'text', dy: -7 },
        encoding: { x, y: { field: 'value', type: 'quantitative' }, text: { field: 'text' } },
      },
      ...(withPlan
        ? [
            {
              transform: [{ filter: "datum.series === 'Kế hoạch năm'" }],
              mark: { type: 'tick' as const, thickness: 2, size: 60 },
              encoding: { x, y: { field: 'value', type: 'quantitative' as const }, color },
            },
          ]
        : []),
    ],
  };
  return { key: 'poverty', title, spec };
}

function worksSpec(data: ReportData): ChartSpec {
  const target = pickTarget(data, 'rural', (t) => t.related.some((r) => r.measureType === 'amount'));
  const title = target
    ? `Biểu đồ 3. ${target.shortName} và giá trị theo đơn vị`
    : 'Biểu đồ 3. Kết quả theo đơn vị';
  if (!target) return { key: 'works', title, spec: null };
  const breakdown = data.breakdowns.find((b) => b.targetId === target.id)?.rows ?? [];
  const money = target.related.find((r) => r.measureType === 'amount');
  const rows = breakdown.map((r) => {
    const value = money
      ? (r.relatedFigures.find((f) => f.indicator.id === money.id)?.figure.value ?? null)
      : null;
    return {
      unit: shortUnitName(r.name),
      count: r.figure.value,
      countText: r.figure.value === null ? '' : formatScaled(r.figure.value, target.indicator.decimals),
      money: value,
    };
  });
  if (!rows.some((r) => r.count !== null)) return { key: 'works', title, spec: null };
  // One scale and one number of decimals for every bar: "1,60", "1,00", "1,46" (tỷ), "955" (triệu).
  const scale = moneyScale(rows.map((r) => r.money ?? 0)) === 'ty' ? 'ty' : 'trieu';
  const divisor = scale === 'ty' ? 1_000_000_000 : 1_000_000;
  const values = rows.map((r) => ({
    ...r,
    moneyScaled: r.money === null ? null : r.money / divisor,
    moneyText: r.money === null ? '' : formatMoneyIn(r.money, scale, { decimals: scale === 'ty' ? 2 : 0 }),
  }));
  const moneyUnit = MONEY_SCALE_UNITS[scale];
  const panel = (field: string, text: string, axisTitle: string, color: string, labels = true) => {
    const y = {
      field: 'unit',
      type: 'nominal' as const,
      sort: null,
      title: null,
      axis: labels ? { labelLimit: 150 } : null,
    };
    return {
      width: money ? 200 : 420,
      height: rows.length * 22,
      layer: [
        {
          mark: { type: 'bar' as const, height: 14, color },
          encoding: {
            y,
            x: {
              field,
              type: 'quantitative' as const,
              title: axisTitle,
              axis: { format: ',.4~f', tickCount: 4 },
            },
          },
        },
        {
          mark: { type: 'text' as const, align: 'left' as const, dx: 3 },
          encoding: { y, x: { field, type: 'quantitative' as const }, text: { field: text } },
        },
      ],
    };
  };
  const unitLabel = target.indicator.measurementUnit;
  const spec: TopLevelSpec = money
    ? {
        config: BASE_CONFIG,
        data: { values },
        spacing: 24,
        hconcat: [
          panel('count', 'countText', `Số ${unitLabel}`, '#0072B2'),
          panel('moneyScaled', 'moneyText', `Giá trị (${moneyUnit})`, '#009E73', false),
        ],
      }
    : { config: BASE_CONFIG, data: { values }, ...panel('count', 'countText', `Số ${unitLabel}`, '#0072B2') };
  return { key: 'works', title, spec };
}
