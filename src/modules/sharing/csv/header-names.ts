// Which mapped field a spreadsheet header names. Headers are compared after NFKC (full-width
// letters and digits become ASCII), lower-casing, and dropping spaces, _ - . and brackets, so
// "First Seen", "first_seen" and "ＦＩＲＳＴ－ＳＥＥＮ" are one name.

export type MappedField = 'value' | 'type' | 'tlp' | 'firstSeen' | 'lastSeen' | 'labels' | 'description' | 'confidence';

export function normaliseHeaderName(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-.()[\]「」]/g, '');
}

const NAMES: Readonly<Record<MappedField, readonly string[]>> = {
  value: [
    'value',
    'values',
    'indicator',
    'indicators',
    'ioc',
    'iocs',
    'observable',
    'iocvalue',
    'indicatorvalue',
    '値',
    '指標',
    '指標値',
    'インジケータ',
    'インジケーター',
  ],
  type: ['type', 'ioctype', 'indicatortype', 'observabletype', '種別', '種類', 'タイプ', '指標種別'],
  tlp: ['tlp', 'tlplevel', 'marking'],
  firstSeen: ['firstseen', 'validfrom', 'firstobserved', '初回確認', '初回確認日', '初回確認日時', '初回観測', '初回観測日時'],
  lastSeen: ['lastseen', 'validuntil', 'lastobserved', '最終確認', '最終確認日', '最終確認日時', '最終観測', '最終観測日時'],
  labels: ['tags', 'tag', 'labels', 'label', 'タグ', 'ラベル'],
  description: ['description', 'comment', 'comments', 'note', 'notes', '説明', '備考', 'コメント', '概要'],
  confidence: ['confidence', '確度', '信頼度'],
};

const FIELD_BY_NAME: ReadonlyMap<string, MappedField> = new Map(
  Object.entries(NAMES).flatMap(([field, names]) => names.map((name) => [normaliseHeaderName(name), field as MappedField] as const)),
);

export function mappedFieldOfHeader(header: string): MappedField | null {
  return FIELD_BY_NAME.get(normaliseHeaderName(header)) ?? null;
}
