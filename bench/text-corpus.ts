// A deterministic mixed Japanese/English corpus for the extraction benchmark: consultation
// narratives, phishing SMS, e-mail headers, threat-report lines and chat logs, with observables
// in every written form (defanged, full-width, IDN) and plenty of plain prose between them.
function prng(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 0x100000000;
  };
}

const PROSE_JA = [
  '本日午前中に銀行を名乗るショートメッセージが届き、記載されたリンクを開いてしまいました。',
  '取引先を装ったメールに添付されたファイルを開いたところ、社内の端末が暗号化されました。',
  '通販サイトで商品を注文し代金を振り込みましたが、商品が届かず連絡も取れなくなりました。',
  'SNSで知り合った人物から投資の勧誘を受け、指示されたアプリで送金してしまいました。',
  '身に覚えのない請求がカード会社から届いたため、利用明細を確認しています。',
  'サポート詐欺の画面が表示され、電話をかけるよう指示されました。',
];
const PROSE_EN = [
  'The actor used a spear-phishing lure themed as an invoice to deliver the first-stage loader.',
  'Beaconing was observed every 60 seconds to the command and control server listed below.',
  'The ransom note instructs victims to contact the operators and pay in cryptocurrency.',
  'We recommend blocking the following indicators at the perimeter and hunting for related activity.',
];

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

function ip(random: () => number): string {
  return `${45 + Math.floor(random() * 150)}.${Math.floor(random() * 256)}.${Math.floor(random() * 256)}.${1 + Math.floor(random() * 254)}`;
}

function word(random: () => number, length: number): string {
  let out = '';
  for (let i = 0; i < length; i += 1) out += String.fromCharCode(97 + Math.floor(random() * 26));
  return out;
}

function hex(random: () => number, length: number): string {
  let out = '';
  for (let i = 0; i < length; i += 1) out += '0123456789abcdef'.charAt(Math.floor(random() * 16));
  return out;
}

const FULL_WIDTH = (text: string) => text.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

function snippet(random: () => number): string {
  const domain = `${word(random, 6)}-${word(random, 4)}.${pick(random, ['com', 'jp', 'co.jp', 'net', 'xyz', 'top', 'shop'])}`;
  switch (Math.floor(random() * 10)) {
    case 0:
      return `【重要】お客様のアカウントを一時停止しました。hxxps://${domain.replace(/\./g, '[.]')}/login にてご確認ください。`;
    case 1:
      return `Received: from mail.${domain} (unknown [${ip(random)}]) by mx.example-corp.co.jp with ESMTP id ${hex(random, 10)}`;
    case 2:
      return `C2: ${ip(random)}:${1024 + Math.floor(random() * 60000)} sha256 ${hex(random, 64)} md5 ${hex(random, 32)}`;
    case 3:
      return `連絡先は ${FULL_WIDTH(`090-${String(1000 + Math.floor(random() * 8999))}-${String(1000 + Math.floor(random() * 8999))}`)} です。`;
    case 4:
      return `振込先:三菱UFJ銀行 渋谷支店 普通 ${String(Math.floor(random() * 9_999_999)).padStart(7, '0')} 名義 ヤマダ タロウ`;
    case 5:
      return `問い合わせ: support@${domain} / https://${domain}/path?id=${Math.floor(random() * 99999)}に接続`;
    case 6:
      return `Exploited CVE-20${20 + Math.floor(random() * 6)}-${1000 + Math.floor(random() * 50000)} from AS${1000 + Math.floor(random() * 60000)}.`;
    case 7:
      return `送金先 bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq または 0x${hex(random, 40)}`;
    case 8:
      return `請求書 invoice_${Math.floor(random() * 9999)}.pdf (v1.${Math.floor(random() * 9)}.${Math.floor(random() * 9)}) 2024.03.${10 + Math.floor(random() * 18)} 合計 12,800円`;
    default:
      return `IPv6 2a03:2880:${hex(random, 4)}:${hex(random, 2)}::${hex(random, 3)} からのアクセスを確認。`;
  }
}

/** About `megabytes` MB (UTF-8) of documents, each a few hundred characters to a few KB. */
export function buildTextCorpus(megabytes: number, seed = 2026): string[] {
  const random = prng(seed);
  const documents: string[] = [];
  let bytes = 0;
  const target = megabytes * 1024 * 1024;
  while (bytes < target) {
    const parts: string[] = [];
    const count = 3 + Math.floor(random() * 12);
    for (let i = 0; i < count; i += 1) {
      parts.push(random() < 0.6 ? pick(random, random() < 0.6 ? PROSE_JA : PROSE_EN) : snippet(random));
    }
    const document = parts.join(random() < 0.5 ? '\n' : ' ');
    documents.push(document);
    bytes += Buffer.byteLength(document);
  }
  return documents;
}
