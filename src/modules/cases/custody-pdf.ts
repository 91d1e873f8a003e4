// The custody record of one evidence item as a PDF for court (証拠品保管記録): the item, its SHA-256
// and integrity at export time, and every custody event in order with its chain hash. Japanese
// text is set in Noto Sans JP, embedded as a subset, so the document reads the same anywhere.
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { t, tokyoTime, type Locale } from '#kernel/i18n/index.ts';
import type { EvidenceDetail } from './evidence.contract.ts';

const require = createRequire(import.meta.url);
const FONT_REGULAR = require.resolve('@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf');
const FONT_BOLD = require.resolve('@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf');

export type CustodyRecord = {
  caseNo: string;
  caseTitle: string;
  detail: EvidenceDetail;
  exportedAt: string;
  exportedBy: string;
  /** Display names of users and units by id; unknown ids print as they are. */
  names: ReadonlyMap<string, string>;
};

const MARGIN = 48;
/** Notes the service writes as codes (the state an integrity check found), shown in words. */
const INTEGRITY_NOTES = new Set(['altered', 'missing']);

export function renderCustodyPdf(record: CustodyRecord, locale: Locale): Promise<Buffer> {
  const L = (key: string, params: Record<string, unknown> = {}) => t(locale, `custody_pdf.${key}`, params);
  const name = (id: string | null) => (id ? (record.names.get(id) ?? id) : '—');
  const time = (iso: string) => tokyoTime(iso, { seconds: true });
  const { detail } = record;

  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN + 14, left: MARGIN, right: MARGIN },
    bufferPages: true,
    info: { Title: `${L('title')} ${detail.evidenceNo}`, Author: name(record.exportedBy), Subject: record.caseNo, Creator: 'Koban' },
  });
  doc.registerFont('regular', FONT_REGULAR);
  doc.registerFont('bold', FONT_BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const width = doc.page.width - MARGIN * 2;
  doc.font('bold').fontSize(16).text(L('title'), { align: 'center' });
  doc.font('regular').fontSize(9).fillColor('#444').text(L('subtitle'), { align: 'center' }).fillColor('black');
  doc.moveDown(1);

  const facts: [string, string][] = [
    [L('case_no'), `${record.caseNo}  ${record.caseTitle}`],
    [L('evidence_no'), detail.evidenceNo],
    [L('item'), detail.title],
    [L('kind'), L(`kind_${detail.kind}`)],
    [L('status'), L(`status_${detail.status}`)],
    [L('collected'), `${time(detail.collectedAt)}  ${name(detail.collectedBy)}`],
    [L('collected_from'), detail.collectedFrom || '—'],
    [L('storage_location'), detail.storageLocation || '—'],
    [L('holder'), name(detail.holderId)],
  ];
  if (detail.sha256) {
    facts.push([L('file'), `${detail.fileName ?? ''} (${L('bytes', { size: (detail.size ?? 0).toLocaleString('ja-JP') })})`]);
    facts.push(['SHA-256', detail.sha256]);
  }
  facts.push([L('integrity'), L(`integrity_${detail.integrity}`)]);
  facts.push([L('chain'), detail.chainIntact ? L('chain_intact') : L('chain_broken')]);
  if (detail.description) facts.push([L('description'), detail.description]);
  const labelWidth = 120;
  for (const [label, value] of facts) {
    const y = doc.y;
    doc.font('bold').fontSize(9).text(label, MARGIN, y, { width: labelWidth });
    doc
      .font('regular')
      .fontSize(9)
      .text(value, MARGIN + labelWidth, y, { width: width - labelWidth });
    doc.moveDown(0.3);
  }

  doc.moveDown(0.8);
  doc.font('bold').fontSize(12).text(L('events'), MARGIN);
  doc.moveDown(0.4);
  const columns = [
    { key: 'seq', width: 24 },
    { key: 'at', width: 112 },
    { key: 'action', width: 78 },
    { key: 'actor', width: 80 },
    { key: 'holders', width: 100 },
    { key: 'place_note', width: width - 24 - 112 - 78 - 80 - 100 },
  ] as const;
  const drawHeader = () => {
    let x = MARGIN;
    const y = doc.y;
    for (const column of columns) {
      doc
        .font('bold')
        .fontSize(8)
        .text(L(`col_${column.key}`), x, y, { width: column.width - 4 });
      x += column.width;
    }
    doc.moveDown(0.3);
    doc
      .moveTo(MARGIN, doc.y)
      .lineTo(MARGIN + width, doc.y)
      .lineWidth(0.5)
      .stroke();
    doc.moveDown(0.3);
  };
  drawHeader();
  for (const event of detail.custody) {
    const holders = event.fromHolderId || event.toHolderId ? `${name(event.fromHolderId)} → ${name(event.toHolderId)}` : '';
    const cells = [
      String(event.seq),
      time(event.at),
      L(`action_${event.action}`),
      name(event.actorId),
      holders,
      [event.location, INTEGRITY_NOTES.has(event.note) ? L(`integrity_${event.note}`) : event.note].filter(Boolean).join(' / '),
    ];
    doc.font('regular').fontSize(8);
    const widths = columns.map((column) => column.width - 4);
    const rowHeight = Math.max(...cells.map((cell, i) => doc.heightOfString(cell || ' ', { width: widths[i] ?? 0 }))) + 12;
    if (doc.y + rowHeight > doc.page.height - MARGIN - 20) {
      doc.addPage();
      drawHeader();
    }
    const y = doc.y;
    let x = MARGIN;
    for (const [i, cell] of cells.entries()) {
      doc
        .font('regular')
        .fontSize(8)
        .text(cell, x, y, { width: widths[i] ?? 0 });
      x += (widths[i] ?? 0) + 4;
    }
    doc
      .fontSize(6)
      .fillColor('#666')
      .text(`hash ${event.hash}`, MARGIN + 24, y + rowHeight - 10, { width: width - 24 })
      .fillColor('black');
    doc.y = y + rowHeight;
    doc
      .moveTo(MARGIN, doc.y - 2)
      .lineTo(MARGIN + width, doc.y - 2)
      .lineWidth(0.2)
      .strokeColor('#bbb')
      .stroke()
      .strokeColor('black');
  }

  const range = doc.bufferedPageRange();
  for (let page = range.start; page < range.start + range.count; page += 1) {
    doc.switchToPage(page);
    // The footer sits inside the bottom margin; without this pdfkit would start a new page for it.
    doc.page.margins.bottom = 0;
    const footer = L('footer', { at: time(record.exportedAt), by: name(record.exportedBy), page: page + 1, pages: range.count });
    doc
      .font('regular')
      .fontSize(7)
      .fillColor('#444')
      .text(footer, MARGIN, doc.page.height - MARGIN, { width, align: 'center', lineBreak: false });
  }
  doc.end();
  return done;
}
