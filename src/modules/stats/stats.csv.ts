// CSV for spreadsheets used in Japanese offices: UTF-8 with a BOM (Excel reads it as UTF-8),
// CRLF line ends, Japanese headers, and cells that cannot start a formula.
import type { StatsView } from './stats.contract.ts';
import type { RansomwareSheetData } from './stats.xlsx.ts';

function cell(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function statsCsv(stats: StatsView, ransomware: RansomwareSheetData | null = null): string {
  const rows: (string | number | null)[][] = [['区分', '項目', '件数']];
  const add = (section: string, counts: { key: string; count: number }[]) => {
    for (const c of counts) rows.push([section, c.key, c.count]);
  };
  add('受理・分類', stats.intake.byCategory);
  add('受理・種別', stats.intake.byKind);
  add('受理・優先度', stats.intake.byPriority);
  add('受理・月', stats.intake.byMonth);
  add('事件・分類', stats.cases.byCategory);
  add('事件・状態', stats.cases.byStatus);
  add('事件・担当所属', stats.cases.byUnit);
  add('事件・月', stats.cases.byMonth);
  rows.push(['受理から振分けまで(中央値・分)', '', stats.intake.medianMinutesToRouting]);
  rows.push(['受理から担当者着手まで(中央値・分)', '', stats.intake.medianMinutesToHandOff]);
  rows.push(['受理から事件化まで(中央値・分)', '', stats.intake.medianMinutesToCase]);
  rows.push(['被害額合計(円)', '', stats.cases.damageYen]);
  if (ransomware) {
    // The NPA-style ransomware breakdown (codes as in the API; the Excel workbook has the labels).
    rows.push(['ランサムウェア被害(件)', '', ransomware.total]);
    add('ランサムウェア・業種', ransomware.byIndustry);
    add('ランサムウェア・規模', ransomware.byOrgSize);
    add('ランサムウェア・感染経路', ransomware.byRoute);
    add(
      'ランサムウェア・種類',
      ransomware.byFamily.map((f) => ({ key: f.name, count: f.count })),
    );
    add('ランサムウェア・月', ransomware.byMonth);
  }
  return `\uFEFF${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}
