// The year's reports and consultations: what people in the demo prefecture bring to the portal and
// to the station desks, in Japanese, with the shared infrastructure written into the texts the way
// victims quote it (defanged URLs, bank names, phone numbers).
import type { Category } from '#modules/intake/index.ts';
import { pickShared, type Infrastructure } from './demo.infrastructure.ts';
import { fictitiousOrganisation, type DemoOrganisation } from './demo.people.ts';
import type { Random } from './demo.random.ts';

export type DraftReport = {
  category: Category;
  subcategory?: string;
  kind: 'report' | 'consultation' | 'tip';
  reporterType: 'individual' | 'organisation';
  summary: string;
  description: string;
  details: Record<string, unknown>;
  /** Chance that it becomes a case (事件化). */
  caseChance: number;
  damageYen?: number;
  organisation?: DemoOrganisation;
  caseTitle?: string;
  /** The demo's name of the ransomware family (DemoLock …), for attribution. */
  ransomFamily?: string;
};

const defang = (url: string) => url.replace(/^https/, 'hxxps').replace(/\.(?=[a-z]+(\/|$))/, '[.]');
const yen = (random: Random, min: number, max: number) => random.int(min / 1000, max / 1000) * 1000;
const money = (n: number) => n.toLocaleString('ja-JP');

type Template = (random: Random, infra: Infrastructure) => DraftReport;

const phishingSms: Template = (random, infra) => {
  const url = `https://${pickShared(random, infra.phishingDomains)}/${random.pick(['login', 'track', 'verify', 'auth'])}`;
  const sender = pickShared(random, infra.smsSenders);
  const entered = random.chance(0.4);
  return {
    category: 'unauthorized_access_malware',
    subcategory: 'phishing',
    kind: 'report',
    reporterType: 'individual',
    summary: random.pick(['宅配業者を装ったSMSのリンクを開いた', '携帯電話料金の未納を装うSMSが届いた', 'ポイント失効を知らせる偽メッセージ']),
    description: `SMS（送信元 ${sender}）に「お荷物をお届けにあがりましたが不在の為持ち帰りました」とあり、${defang(url)} を開きました。${entered ? 'IDとパスワードを入力してしまいました。' : '入力はしていません。'}`,
    details: { phishing: { receivedVia: 'sms', sender, url, credentialsEntered: entered } },
    caseChance: 0.02,
  };
};

const bankTransfer: Template = (random, infra) => {
  const url = `https://${pickShared(random, infra.phishingDomains)}/ib/login`;
  const mule = pickShared(random, infra.muleAccounts);
  const amount = yen(random, 100_000, 3_000_000);
  const ongoing = random.chance(0.3);
  return {
    category: 'unauthorized_access_malware',
    subcategory: 'ib_illegal_transfer',
    kind: 'report',
    reporterType: 'individual',
    summary: 'インターネットバンキングで身に覚えのない送金',
    description: `銀行を装ったメールのリンク ${defang(url)} でログインしたところ、${money(amount)}円が ${mule.text} ${mule.holder} へ送金されていました。${ongoing ? '現在も送金が続いています。' : ''}`,
    details: {
      account: { service: 'インターネットバンキング', moneyLost: true },
      fraud: { amountYen: amount, paymentMethod: 'bank_transfer', destinationAccount: mule.text, transferOngoing: ongoing },
    },
    caseChance: 0.4,
    damageYen: amount,
    caseTitle: `インターネットバンキング不正送金事件（${mule.text.split(' ')[0] ?? ''}口座）`,
  };
};

const fakeShop: Template = (random, infra) => {
  const shop = pickShared(random, infra.fakeShopDomains);
  const mule = pickShared(random, infra.muleAccounts);
  const amount = yen(random, 8_000, 150_000);
  const item = random.pick(['スニーカー', 'デジタルカメラ', '電気圧力鍋', 'ブランドバッグ', 'ゲーム機']);
  return {
    category: 'fraud',
    subcategory: 'fake_shop',
    kind: 'report',
    reporterType: 'individual',
    summary: `通販サイトで${item}を購入したが届かない`,
    description: `https://${shop}/ で${item}を注文し、${mule.text} に${money(amount)}円を振り込みましたが商品が届かず、連絡も取れません。`,
    details: { fraud: { amountYen: amount, paymentMethod: 'bank_transfer', destinationAccount: mule.text, siteOrAccount: `https://${shop}/` } },
    caseChance: 0.1,
    damageYen: amount,
    caseTitle: `偽ショッピングサイト詐欺事件（${shop}）`,
  };
};

const supportScam: Template = (random, infra) => {
  const phone = pickShared(random, infra.scamPhones);
  const amount = yen(random, 30_000, 500_000);
  return {
    category: 'fraud',
    subcategory: 'support_scam',
    kind: 'consultation',
    reporterType: 'individual',
    summary: 'パソコンに警告画面が出て電話をかけた',
    description: `ウイルス感染の警告音とともに「${phone} に電話してください」と表示され、電話したところ遠隔操作ソフトを入れるよう指示され、電子マネー${money(amount)}円分を購入して番号を伝えました。`,
    details: { fraud: { amountYen: amount, paymentMethod: 'e_money', siteOrAccount: phone } },
    caseChance: 0.08,
    damageYen: amount,
  };
};

const investmentScam: Template = (random, infra) => {
  const mule = pickShared(random, infra.muleAccounts);
  const wallet = pickShared(random, infra.btcWallets);
  const amount = yen(random, 500_000, 20_000_000);
  return {
    category: 'fraud',
    subcategory: 'sns_investment_romance',
    kind: 'consultation',
    reporterType: 'individual',
    summary: 'SNSで知り合った人物に勧められた投資で出金できない',
    description: `SNSで知り合った人物から投資アプリを紹介され、${mule.text} に振り込み、さらに暗号資産を ${wallet} へ送金しました。合計${money(amount)}円になり、出金を申請すると手数料を求められます。`,
    details: { fraud: { amountYen: amount, paymentMethod: 'crypto', destinationAccount: mule.text, wallet } },
    caseChance: 0.25,
    damageYen: amount,
    caseTitle: 'SNS型投資詐欺事件',
  };
};

const cardFraud: Template = (random, infra) => {
  const shop = pickShared(random, infra.phishingDomains);
  const amount = yen(random, 5_000, 400_000);
  return {
    category: 'credit_card_fraud',
    subcategory: 'card_number_theft',
    kind: 'report',
    reporterType: 'individual',
    summary: 'クレジットカードの身に覚えのない利用',
    description: `カード明細に身に覚えのない利用が${money(amount)}円ありました。数日前に https://${shop}/card でカード情報を入力しています。`,
    details: { fraud: { amountYen: amount, paymentMethod: 'credit_card', siteOrAccount: `https://${shop}/card` } },
    caseChance: 0.04,
    damageYen: amount,
  };
};

const spamMail: Template = (random, infra) => {
  const domain = pickShared(random, infra.phishingDomains);
  return {
    category: 'spam',
    kind: 'tip',
    reporterType: 'individual',
    summary: '銀行を装った迷惑メールが大量に届く',
    description: `差出人 info@${domain} から「口座を一時利用停止しました」というメールが毎日届きます。本文のリンクは https://${domain}/secure です。`,
    details: { phishing: { receivedVia: 'email', sender: `info@${domain}`, url: `https://${domain}/secure` } },
    caseChance: 0.01,
  };
};

const accountTrading: Template = (random, infra) => {
  const phone = pickShared(random, infra.scamPhones);
  return {
    category: 'crime_infrastructure',
    subcategory: random.pick(['account_trading', 'crime_recruitment']),
    kind: 'tip',
    reporterType: 'individual',
    summary: 'SNSで口座の買取りや高額バイトをうたう投稿を見た',
    description: `「口座を売るだけで即日3万円」「荷物を受け取るだけの高額バイト」という投稿があり、連絡先として ${phone} が書かれていました。`,
    details: { fraud: { siteOrAccount: phone } },
    caseChance: 0.15,
    caseTitle: '犯罪収益移転防止法違反（預金通帳等の譲渡）事件',
  };
};

const defamation: Template = (random) => ({
  category: 'defamation_harassment',
  subcategory: random.pick(['defamation', 'threat', 'doxxing']),
  kind: 'consultation',
  reporterType: 'individual',
  summary: '匿名掲示板に実名で誹謗中傷を書き込まれた',
  description: `匿名掲示板 https://bbs-${random.token(5)}.xyz/thread/${random.digits(6)} に実名と勤務先とともに中傷が書き込まれています。削除の方法を知りたいです。`,
  details: {},
  caseChance: 0.04,
});

const targetedMail: Template = (random, infra) => {
  const organisation = fictitiousOrganisation(
    random,
    random.pick(['manufacturing', 'information_communications', 'services'] as const),
    random.pick(['large', 'sme'] as const),
  );
  const hash = pickShared(random, infra.malwareHashes);
  const c2 = pickShared(random, infra.c2Addresses);
  return {
    category: 'unauthorized_access_malware',
    subcategory: 'targeted_email',
    kind: 'report',
    reporterType: 'organisation',
    organisation,
    summary: '取引先を装った標的型メールの添付ファイルを開いた',
    description: `${organisation.name}の社員が取引先を装ったメールの添付ファイル（SHA-256 ${hash}）を開き、端末から ${c2} への不審な通信が確認されました。`,
    details: {
      incident: {
        organisationName: organisation.name,
        industry: organisation.industry,
        orgSize: organisation.orgSize,
        infectionVector: 'email',
        operationsStopped: false,
      },
    },
    caseChance: 0.5,
    caseTitle: `${organisation.name}に対する標的型メール攻撃事案`,
  };
};

/** The ransomware wave: SMEs in manufacturing and medicine, in through their VPN devices. */
export const ransomwareReport: Template = (random, infra) => {
  const industry = random.weighted([
    ['manufacturing', 6],
    ['medical_welfare', 4],
    ['wholesale_retail', 1],
  ] as const);
  const organisation = fictitiousOrganisation(random, industry, random.chance(0.85) ? 'sme' : 'large');
  const family = random.pick(infra.ransomware);
  const scanner = pickShared(random, infra.vpnScanners);
  const damage = yen(random, 2_000_000, 60_000_000);
  return {
    category: 'unauthorized_access_malware',
    subcategory: 'ransomware',
    kind: 'report',
    reporterType: 'organisation',
    organisation,
    summary: `${organisation.name}でサーバが暗号化された（ランサムウェア）`,
    description: `社内サーバのファイルが拡張子 ${family.extension} に暗号化され、ランサムノートが残されていました。VPN機器のログに ${scanner} からの認証成功が残っています。ノートにはリークサイト https://${family.leakSite}/ と支払先 ${family.wallet} が書かれています。`,
    details: {
      incident: {
        organisationName: organisation.name,
        industry: organisation.industry,
        orgSize: organisation.orgSize,
        systemsHit: 'ファイルサーバ、基幹システム',
        infectionVector: 'vpn',
        encryptedExtension: family.extension,
        doubleExtortion: random.pick(['yes', 'unknown'] as const),
        ransomDemanded: 'yes',
        backups: random.pick(['none', 'encrypted_too', 'intact'] as const),
        operationsStopped: random.chance(0.6),
      },
    },
    caseChance: 0.85,
    damageYen: damage,
    caseTitle: `${organisation.name}に対するランサムウェア事案（${family.family}）`,
    ransomFamily: family.family,
  };
};

const TEMPLATES: readonly (readonly [Template, number])[] = [
  [fakeShop, 16],
  [supportScam, 8],
  [investmentScam, 7],
  [phishingSms, 18],
  [bankTransfer, 7],
  [cardFraud, 12],
  [spamMail, 10],
  [accountTrading, 5],
  [defamation, 9],
  [targetedMail, 2],
  [ransomwareReport, 1],
];

export function draftReport(random: Random, infra: Infrastructure): DraftReport {
  return random.weighted(TEMPLATES)(random, infra);
}
