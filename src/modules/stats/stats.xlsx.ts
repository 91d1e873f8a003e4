// The statistics as an Excel workbook: one sheet per breakdown, Japanese headers and labels (or
// English), codes kept beside labels so figures can be joined with other systems.
import { t, type Locale } from '#kernel/i18n/index.ts';
import { writeXlsx, type XlsxCell, type XlsxSheet } from '#kernel/xlsx.ts';
import type { StatsView } from './stats.contract.ts';
import { labelOf } from './stats.labels.ts';

type Counts = { key: string; count: number }[];

/** The ransomware part (threats module's summary) as far as the workbook shows it. */
export type RansomwareSheetData = {
  total: number;
  byIndustry: Counts;
  byOrgSize: Counts;
  byRoute: Counts;
  byFamily: { key: string; name: string; count: number }[];
  byMonth: Counts;
};

export function statsXlsx(
  stats: StatsView,
  locale: Locale,
  unitName: (unitId: string) => string,
  created: Date,
  ransomware: RansomwareSheetData | null = null,
): Uint8Array {
  const L = (key: string, params: Record<string, unknown> = {}) => t(locale, `stats_xlsx.${key}`, params);
  const breakdown = (name: string, counts: Counts, label: (code: string) => string): XlsxSheet => ({
    name,
    header: [L('item'), L('code'), L('count')],
    rows: counts.map((c) => [label(c.key), c.key, c.count]),
  });
  const month = (code: string) => code;
  const bucket = (prefix: string) => (code: string) => {
    const label = labelOf(locale, prefix, code);
    return label === code ? labelOf(locale, 'threats.bucket', code) : label;
  };
  const ransomwareSheets: XlsxSheet[] = ransomware
    ? [
        breakdown(L('ransomware_by_industry'), ransomware.byIndustry, bucket('intake.industry')),
        breakdown(L('ransomware_by_size'), ransomware.byOrgSize, bucket('intake.org_size')),
        breakdown(L('ransomware_by_route'), ransomware.byRoute, bucket('intake.vector')),
        breakdown(
          L('ransomware_by_family'),
          ransomware.byFamily.map((f) => ({ key: f.key, count: f.count })),
          (code) => ransomware.byFamily.find((f) => f.key === code)?.name ?? bucket('threats')(code),
        ),
        breakdown(L('ransomware_by_month'), ransomware.byMonth, month),
      ]
    : [];
  const summary: XlsxSheet = {
    name: L('summary'),
    header: [L('measure'), L('value')],
    rows: [
      [L('period'), `${stats.from} – ${stats.to}`],
      [L('intake_total'), stats.intake.total],
      [L('minutes_to_routing'), stats.intake.medianMinutesToRouting],
      [L('minutes_to_handoff'), stats.intake.medianMinutesToHandOff],
      [L('minutes_to_case'), stats.intake.medianMinutesToCase],
      [L('cases_total'), stats.cases.total],
      [L('damage_yen'), stats.cases.damageYen],
      ...(ransomware ? [[L('ransomware_total'), ransomware.total] as XlsxCell[]] : []),
    ],
  };
  return writeXlsx(
    [
      summary,
      breakdown(L('intake_by_category'), stats.intake.byCategory, (code) => labelOf(locale, 'intake.category', code)),
      breakdown(L('intake_by_kind'), stats.intake.byKind, (code) => labelOf(locale, 'intake.kind', code)),
      breakdown(L('intake_by_priority'), stats.intake.byPriority, (code) => labelOf(locale, 'intake.priority', code)),
      breakdown(L('intake_by_month'), stats.intake.byMonth, month),
      breakdown(L('cases_by_category'), stats.cases.byCategory, (code) => labelOf(locale, 'intake.category', code)),
      breakdown(L('cases_by_status'), stats.cases.byStatus, (code) => labelOf(locale, 'cases.status', code)),
      breakdown(L('cases_by_unit'), stats.cases.byUnit, unitName),
      breakdown(L('cases_by_month'), stats.cases.byMonth, month),
      ...ransomwareSheets,
    ],
    created,
  );
}
