// Japanese bank and branch codes (全銀 / 統一金融機関コード) from the zengin-code package, loaded lazily once.
// The package is CommonJS and ~5 MB of JavaScript, so it is required on first use, not at import time.
import { createRequire } from 'node:module';
import type zenginCodeData from 'zengin-code';

export interface BankEntry {
  readonly code: string;
  readonly name: string;
  readonly kana: string;
}

type ZenginTable = typeof zenginCodeData;
type Category = 'bank' | 'shinkin' | 'shinkumi' | 'roukin' | 'nokyo' | 'shinren' | 'gyokyo';

interface BankIndex {
  readonly table: ZenginTable;
  /** Exact normalised keys: table name, table name + 銀行, base + long suffix, aliases. */
  readonly strong: Map<string, string>;
  /** Base name without any suffix → codes; used only when exactly one bank has it. */
  readonly bare: Map<string, string[]>;
  /** `${category}:${base}` → code. */
  readonly byCategory: Map<string, string>;
}

/** Table-name suffixes (zengin abbreviations) and the category they mean. Longest first. */
const TABLE_SUFFIXES: readonly (readonly [string, Category])[] = [
  ['信漁連', 'gyokyo'],
  ['信金', 'shinkin'],
  ['信組', 'shinkumi'],
  ['労金', 'roukin'],
  ['信連', 'shinren'],
  ['農協', 'nokyo'],
  ['漁協', 'gyokyo'],
];

/** Suffixes as people write them, normalised (NFKC + upper case). Longest first within each category. */
const INPUT_SUFFIXES: readonly (readonly [string, Category])[] = [
  ['信用農業協同組合連合会', 'shinren'],
  ['農業協同組合', 'nokyo'],
  ['漁業協同組合', 'gyokyo'],
  ['信用金庫', 'shinkin'],
  ['信用組合', 'shinkumi'],
  ['労働金庫', 'roukin'],
  ['銀行', 'bank'],
  ...TABLE_SUFFIXES,
  ['BANK', 'bank'],
];

/**
 * Names people use that the table spells differently (old names, brands, romaji). Every target code is
 * checked against the table in zengin.test.ts. Keys are normalised with normKey().
 */
const ALIASES: Readonly<Record<string, string>> = {
  ゆうちょ: '9900',
  ゆうちょ銀行: '9900',
  郵便局: '9900',
  郵便貯金: '9900',
  JPバンク: '9900',
  JAPANPOSTBANK: '9900',
  三菱東京UFJ: '0005',
  三菱東京UFJ銀行: '0005',
  東京三菱: '0005',
  UFJ: '0005',
  MUFG: '0005',
  MUFG銀行: '0005',
  SMBC: '0009',
  みずほ銀行: '0001',
  住信SBIネット: '0038',
  住信SBIネット銀行: '0038',
  住信SBI: '0038',
  SBIネット銀行: '0038',
  ジャパンネット: '0033',
  ジャパンネット銀行: '0033',
  じぶん銀行: '0039',
  新生: '0397',
  新生銀行: '0397',
  GMOあおぞら: '0310',
  GMOあおぞら銀行: '0310',
  ソニーバンク: '0035',
  楽天銀: '0036',
  セブン銀: '0034',
  ローソン銀: '0042',
  イオンバンク: '0040',
  商工組合中央金庫: '2004',
  信金中央金庫: '1000',
  農林中央金庫: '3000',
};

let index: BankIndex | undefined;
/** Per bank, built on first use: normalised branch name → branch codes. */
const branchIndexes = new Map<string, Map<string, string[]>>();

/** NFKC (full-width Latin/digits → ASCII, half-width kana → full-width), upper case, no spaces or corporate marks. */
function normKey(text: string): string {
  return text
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\u3000]+/g, '')
    .replace(/株式会社|\(株\)|㈱/g, '')
    .replace(/[ｰ−－―‐]/g, 'ー');
}

function splitTableName(name: string): { base: string; category: Category } {
  for (const [suffix, category] of TABLE_SUFFIXES) {
    if (name.endsWith(suffix) && name.length > suffix.length) return { base: name.slice(0, -suffix.length), category };
  }
  return { base: name, category: 'bank' };
}

const LONG_SUFFIX: Readonly<Record<Category, readonly string[]>> = {
  bank: ['銀行'],
  shinkin: ['信用金庫'],
  shinkumi: ['信用組合'],
  roukin: ['労働金庫'],
  nokyo: ['農業協同組合'],
  shinren: ['信用農業協同組合連合会'],
  gyokyo: ['漁業協同組合'],
};

function loadIndex(): BankIndex {
  if (index) return index;
  const require = createRequire(import.meta.url);
  const table = require('zengin-code') as ZenginTable;
  const strong = new Map<string, string>();
  const bare = new Map<string, string[]>();
  const byCategory = new Map<string, string>();
  for (const bank of Object.values(table)) {
    const name = normKey(bank.name);
    strong.set(name, bank.code);
    const { base, category } = splitTableName(name);
    byCategory.set(`${category}:${base}`, bank.code);
    for (const long of LONG_SUFFIX[category]) strong.set(base + long, bank.code);
    const list = bare.get(base);
    if (list) list.push(bank.code);
    else bare.set(base, [bank.code]);
  }
  for (const [alias, code] of Object.entries(ALIASES)) {
    if (table[code]) strong.set(normKey(alias), code);
  }
  index = { table, strong, bare, byCategory };
  return index;
}

export function bankByCode(code: string): BankEntry | undefined {
  const bank = loadIndex().table[code];
  return bank ? { code: bank.code, name: bank.name, kana: bank.kana } : undefined;
}

export function branchByCode(bankCode: string, branchCode: string): BankEntry | undefined {
  const branch = loadIndex().table[bankCode]?.branches[branchCode];
  return branch ? { code: branch.code, name: branch.name, kana: branch.kana } : undefined;
}

/**
 * 4-digit bank code from a bank name as people write it (三菱UFJ銀行, 三菱ＵＦＪ, 水戸信用金庫, JA水戸, ゆうちょ銀行 …).
 * A bare name (no 銀行/信金/… suffix) resolves only when exactly one institution has that base name.
 * Ambiguous or unknown → undefined.
 */
export function resolveBankName(text: string): string | undefined {
  const idx = loadIndex();
  const key = normKey(text);
  if (key === '') return undefined;
  if (/^\d{4}$/.test(key)) return idx.table[key] ? key : undefined;
  const direct = idx.strong.get(key);
  if (direct) return direct;
  // JA水戸 / JAバンク水戸 / JA 水戸 (spaces already gone) → 農協.
  const ja = /^JA(?:バンク)?(.+)$/.exec(key);
  if (ja?.[1]) {
    const base = ja[1].replace(/農協$|農業協同組合$/, '');
    return idx.byCategory.get(`nokyo:${base}`);
  }
  for (const [suffix, category] of INPUT_SUFFIXES) {
    if (key.endsWith(suffix) && key.length > suffix.length) {
      // The suffix names the kind of institution: 水戸信用金庫 must not resolve to 水戸農協.
      const base = key.slice(0, -suffix.length);
      return idx.byCategory.get(`${category}:${base}`) ?? idx.strong.get(base);
    }
  }
  const candidates = idx.bare.get(key);
  return candidates?.length === 1 ? candidates[0] : undefined;
}

/**
 * 3-digit branch code from 渋谷支店 / 渋谷 / 本店 / 本店営業部 / 店番135 / 支店番号：135 / 135.
 * Unknown, or a name that matches more than one branch → undefined.
 */
export function resolveBranchName(bankCode: string, text: string): string | undefined {
  const bank = loadIndex().table[bankCode];
  if (!bank) return undefined;
  const key = normKey(text);
  const numbered = /^(?:店番号?|支店番号|支店コード|店舗番号|店コード)?[:：]?(\d{3})$/.exec(key);
  if (numbered?.[1]) return bank.branches[numbered[1]] ? numbered[1] : undefined;

  let byName = branchIndexes.get(bankCode);
  if (!byName) {
    byName = new Map<string, string[]>();
    for (const branch of Object.values(bank.branches)) {
      const name = normKey(branch.name);
      const list = byName.get(name);
      if (list) list.push(branch.code);
      else byName.set(name, [branch.code]);
    }
    branchIndexes.set(bankCode, byName);
  }
  const names = byName;
  const unique = (name: string): string | undefined => {
    const list = names.get(name);
    return list?.length === 1 ? list[0] : undefined;
  };
  const tries: string[] = [key];
  if (key === '本店' || key === '本店営業部') tries.push('本店', '本店営業部');
  const stripped = key.replace(/(?:支店|支所|出張所|営業所|店)$/, '');
  if (stripped !== key && stripped !== '' && stripped !== '本') tries.push(stripped);
  if (key.endsWith('営業部')) tries.push(key.slice(0, -'営業部'.length));
  else if (stripped !== '本') tries.push(`${stripped}営業部`, `${stripped}出張所`);
  for (const name of tries) {
    const code = unique(name);
    if (code) return code;
  }
  return undefined;
}

const KANJI_DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

export function kanjiDigits(digits: string): string {
  let out = '';
  for (const ch of digits) out += KANJI_DIGITS[Number(ch)] ?? ch;
  return out;
}

export interface YuchoTransferForm {
  readonly bankCode: '9900';
  /** 3-digit 店番. */
  readonly branchCode: string;
  /** 店名 in 漢数字 (〇一八). */
  readonly branchName: string;
  /** '1' 普通 (通常貯金) or '2' 当座 (振替口座). */
  readonly accountType: '1' | '2';
  /** 7-digit 口座番号. */
  readonly number: string;
  /** True when the table for 9900 has this 店番 with the same 店名. */
  readonly branchInTable: boolean;
}

/**
 * ゆうちょ 記号 (5 digits) + 番号 (up to 8 digits) → the form used for transfers from other banks.
 * Returns undefined for input that cannot be a 記号番号 (wrong lengths, 記号 not starting with 0 or 1).
 */
export function yuchoToZengin(kigou: string, bangou: string): YuchoTransferForm | undefined {
  const k = kigou.normalize('NFKC').replace(/[\s-]/g, '');
  const b = bangou.normalize('NFKC').replace(/[\s-]/g, '');
  if (!/^[01]\d{4}$/.test(k) || !/^\d{1,8}$/.test(b)) return undefined;
  const ordinary = k.startsWith('1');
  let number: string;
  if (ordinary) {
    // 通常貯金: the last digit of 番号 is a check digit that the zengin form drops.
    if (b.length < 2) return undefined;
    number = b.slice(0, -1);
  } else {
    number = b;
  }
  number = number.replace(/^0+(?=\d)/, '');
  if (number.length > 7) return undefined;
  const branchCode = k.slice(1, 3) + (ordinary ? '8' : '9');
  const branchName = kanjiDigits(branchCode);
  const row = branchByCode('9900', branchCode);
  return {
    bankCode: '9900',
    branchCode,
    branchName,
    accountType: ordinary ? '1' : '2',
    number: number.padStart(7, '0'),
    branchInTable: row?.name === branchName,
  };
}

const HIRAGANA_TO_KATAKANA = 0x60;

/**
 * Account-holder name (口座名義) in one canonical form:
 * - half-width katakana → full-width, with ｶﾞ/ﾊﾟ combined into ガ/パ (NFKC on the half-width run only);
 * - hiragana → katakana; small kana (ッ ャ ュ ョ ァ …) are kept as they are;
 * - any run of whitespace (ASCII, U+3000, tabs) → ONE IDEOGRAPHIC SPACE (U+3000), trimmed at both ends.
 *   The ideographic space was chosen because the result is full-width throughout.
 * Other characters (Latin letters, brackets such as the zengin ｶ) for 株式会社) are kept; half-width
 * punctuation from the half-width kana block (｢｣､･) becomes its full-width form.
 */
export function normaliseHolderKana(name: string): string {
  const widened = name.replace(/[\uFF61-\uFF9F]+/g, (run) => run.normalize('NFKC'));
  const katakana = widened.replace(/[\u3041-\u3096\u309D\u309E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + HIRAGANA_TO_KATAKANA));
  return katakana.replace(/[\s\u3000]+/g, '\u3000').replace(/^\u3000|\u3000$/g, '');
}
