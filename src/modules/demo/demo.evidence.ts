// Evidence of the demo's cases (M1.4): small text files the demo writes itself (a VPN log excerpt,
// a ransom note, e-mail headers, a transfer statement, an SMS), every one marked as fictitious,
// and seized items (ノートPC, USB メモリ, スマートフォン). Some are handed over to a colleague or moved,
// some go to the forensic unit for analysis, which accepts and answers most and declines a few;
// analysed devices are returned to the victim. All through the evidence service, so hashes and
// the custody chain are as the application makes them.
import { Readable } from 'node:stream';
import type { BlobStore } from '#kernel/files/index.ts';
import { AnalysisRequestInput, EvidenceInput, type EvidenceService } from '#modules/cases/index.ts';
import { isoAt, type DemoCase, type Roster, type TimedStep } from './demo.case-context.ts';
import { pickShared, type Infrastructure } from './demo.infrastructure.ts';
import type { Random } from './demo.random.ts';
import { hoursLater } from './demo.timeline.ts';

const MAX_FILE_BYTES = 64 * 1024;
const MARK = '# デモデータ（架空）: 実在の人物・組織・通信とは関係ありません。';

type EvidenceDeps = { evidence: EvidenceService; blobs: BlobStore };
type FileItem = { kind: 'file'; title: string; fileName: string; text: string; collectedFrom: string; analyse?: string };
type PhysicalItem = { kind: 'physical'; title: string; description: string; collectedFrom: string; analyse?: string };
type Item = FileItem | PhysicalItem;

const jst = (at: number) =>
  new Date(at + 9 * 3_600_000)
    .toISOString()
    .replace('Z', '+09:00')
    .replace(/\.\d{3}/, '');

function vpnLog(random: Random, infra: Infrastructure, victim: string, before: number): string {
  const lines = [MARK, `# ${victim} SSL-VPN 装置 認証ログ抜粋（提出: 同社情報システム担当）`];
  const scanners = random.sample(infra.vpnScanners, 2);
  let at = before - random.int(48, 24 * 10) * 3_600_000;
  for (let i = 0; i < random.int(6, 12); i += 1) {
    at += random.int(1, 300) * 60_000;
    const success = i > 3 && random.chance(0.4);
    lines.push(
      `${jst(at)} sslvpn[${random.int(1000, 9999)}]: user=${random.pick(['admin', 'vpnuser', 'test', 'backup'])} src=${random.pick(scanners)} result=${success ? 'success' : 'failure'}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

function ransomNote(family: Infrastructure['ransomware'][number] | undefined, victim: string): string {
  const name = family?.family ?? 'Unknown';
  return [
    MARK,
    `--- ${name} ---`,
    `${victim} 様: 社内のファイルは暗号化され、データの一部は当方が保有しています。`,
    `72時間以内に連絡がない場合、データをリークサイト hxxps://${family?.leakSite ?? 'unknown[.]top'}/ で公開します。`,
    `支払先: ${family?.wallet ?? '-'}`,
    `暗号化されたファイルの拡張子: ${family?.extension ?? '-'}`,
    '',
  ].join('\n');
}

function mailHeaders(random: Random, infra: Infrastructure, victim: string, at: number): string {
  const domain = pickShared(random, infra.phishingDomains);
  return [
    MARK,
    `Received: from mail.${domain} (${pickShared(random, infra.c2Addresses)}) by mx.demo-victim.example; ${new Date(at).toUTCString()}`,
    `From: "営業部 ${random.pick(['山', '川', '森'])}田" <sales@${domain}>`,
    `To: <info@demo-victim.example>`,
    `Subject: =?UTF-8?B?${Buffer.from(random.pick(['【ご確認】お見積りの件', '【至急】請求書送付のご案内', '研究会 講演依頼'])).toString('base64')}?=`,
    `Message-ID: <${random.hex(16)}@${domain}>`,
    `X-Attachment: ${random.pick(['見積書.zip', '請求書.lnk', '講演資料.docx'])} (SHA-256 ${pickShared(random, infra.malwareHashes)})`,
    `X-Demo-Victim: ${victim}`,
    '',
  ].join('\n');
}

function transferStatement(random: Random, infra: Infrastructure, amountYen: number, at: number): string {
  const mule = pickShared(random, infra.muleAccounts);
  const date = jst(at).slice(0, 10);
  const parts = Math.max(1, Math.min(4, Math.round(amountYen / 500_000)));
  const rows = Array.from(
    { length: parts },
    (_, i) => `${date},振込,${mule.text},${mule.holder},${Math.round(amountYen / parts)},${i === 0 ? 'IB' : 'IB（追加）'}`,
  );
  return `${MARK}\n日付,取引,振込先口座,名義,金額(円),経路\n${rows.join('\n')}\n`;
}

function smsText(random: Random, infra: Infrastructure): string {
  const url = `hxxps://${pickShared(random, infra.phishingDomains)}/${random.pick(['login', 'track', 'verify'])}`;
  return `${MARK}\n送信元: ${pickShared(random, infra.smsSenders)}\n本文: お荷物のお届けにあがりましたが不在の為持ち帰りました。配送物はこちらにてご確認ください ${url}\n`;
}

/** What is collected in this kind of case; nothing for most small cases. */
function itemsFor(random: Random, infra: Infrastructure, theCase: DemoCase): Item[] {
  const { draft, openedAt } = theCase;
  const victim = draft.organisation?.name ?? '被害者';
  if (draft.subcategory === 'ransomware') {
    const family = infra.ransomware.find((f) => f.family === draft.ransomFamily);
    const items: Item[] = [
      {
        kind: 'file',
        title: 'VPN装置 認証ログ（抜粋）',
        fileName: 'sslvpn-auth.log',
        text: vpnLog(random, infra, victim, openedAt),
        collectedFrom: victim,
      },
      {
        kind: 'file',
        title: 'ランサムノート',
        fileName: 'README_RESTORE_FILES.txt',
        text: ransomNote(family, victim),
        collectedFrom: `${victim} ファイルサーバ`,
        analyse: 'ランサムノートの文面・連絡先から攻撃グループの特定に資する情報の有無',
      },
    ];
    if (random.chance(0.6))
      items.push({
        kind: 'physical',
        title: 'ノートPC（被害端末・VPN接続用）',
        description: `${victim} 情報システム担当者が使用していた端末。電源を切らずに任意提出を受けた。`,
        collectedFrom: victim,
        analyse: 'メモリ・ディスクの保全と、侵入後の横展開・遠隔操作ツールの痕跡の解析',
      });
    return items;
  }
  if (draft.subcategory === 'targeted_email') {
    return [
      {
        kind: 'file',
        title: '標的型メールのヘッダ情報',
        fileName: 'header.eml.txt',
        text: mailHeaders(random, infra, victim, openedAt),
        collectedFrom: victim,
      },
      {
        kind: 'physical',
        title: 'ノートPC（添付ファイルを開いた端末）',
        description: `${victim} 社員の業務用端末。`,
        collectedFrom: victim,
        analyse: '添付ファイル実行後の通信先と、永続化の有無の解析',
      },
    ];
  }
  if (!random.chance(0.4)) return [];
  if (draft.subcategory === 'ib_illegal_transfer' || draft.category === 'fraud') {
    const items: Item[] = [
      {
        kind: 'file',
        title: '振込明細（被害者提出）',
        fileName: 'furikomi-meisai.csv',
        text: transferStatement(random, infra, draft.damageYen ?? 100_000, openedAt),
        collectedFrom: '被害者',
      },
    ];
    if (random.chance(0.4))
      items.push({
        kind: 'physical',
        title: random.pick(['USB メモリ（被害者提出・やり取りの画面写し）', 'スマートフォン（被害者所有）']),
        description: '被害者から任意提出を受けた。',
        collectedFrom: '被害者',
        analyse: 'メッセージアプリのやり取りと送金指示の抽出',
      });
    return items;
  }
  return [{ kind: 'file', title: 'SMS本文（被害者提出）', fileName: 'sms.txt', text: smsText(random, infra), collectedFrom: '被害者' }];
}

const ANSWERS = [
  '解析の結果、既知の遠隔操作ツールの痕跡を確認。通信先は別紙のとおり。',
  '暗号化処理の特徴から既知ファミリーの亜種と判断。復号手段は現時点で確認できない。',
  'メッセージ履歴を抽出し、送金指示の日時と送金先を一覧化した。',
  '不審な通信は認められなかった。保全したイメージは当部で保管する。',
] as const;

/** The life of each item collected in one case, as timed steps. */
export function planEvidence(random: Random, infra: Infrastructure, theCase: DemoCase, roster: Roster, deps: EvidenceDeps): TimedStep[] {
  const { id: caseId, lead, colleague, openedAt } = theCase;
  const steps: TimedStep[] = [];
  const add = (afterHours: number, run: () => Promise<unknown>) => steps.push({ afterHours, run });
  const storeroom = '証拠品保管庫';
  for (const [index, item] of itemsFor(random, infra, theCase).entries()) {
    const state = { evidenceId: '', requestId: '' };
    const collectedAfter = random.int(6, 72) + index;
    const input = EvidenceInput.parse({
      kind: item.kind,
      title: item.title,
      description: item.kind === 'physical' ? item.description : '',
      collectedAt: isoAt(hoursLater(openedAt, collectedAfter - random.int(1, 5))),
      collectedFrom: item.collectedFrom,
      storageLocation: `${storeroom} 棚${random.pick(['A', 'B', 'C'])}-${random.int(1, 9)}`,
    });
    add(collectedAfter, async () => {
      if (item.kind === 'physical') {
        state.evidenceId = (await deps.evidence.create(lead, caseId, input, null, null)).id;
        return;
      }
      const staged = await deps.blobs.stage(Readable.from([Buffer.from(item.text, 'utf8')]), { maxBytes: MAX_FILE_BYTES });
      try {
        state.evidenceId = (await deps.evidence.create(lead, caseId, input, { staged, filename: item.fileName, claimedType: 'text/plain' }, null)).id;
      } finally {
        await staged.discard();
      }
    });
    let at = collectedAfter;
    if (colleague && random.chance(0.45)) {
      at += random.int(2, 48);
      const note = random.pick(['解析担当へ引継ぎ', '取調べ資料作成のため引継ぎ', '保管担当の交代']);
      add(at, () => deps.evidence.handover(lead, caseId, state.evidenceId, { toUserId: colleague.userId, location: '', note }, null));
    } else if (random.chance(0.15)) {
      at += random.int(2, 72);
      add(at, () => deps.evidence.move(lead, caseId, state.evidenceId, { location: `${storeroom}（耐火金庫）`, note: '長期保管のため移動' }, null));
    }
    const analyst = roster.forensic.length > 0 ? random.pick(roster.forensic) : undefined;
    if (!item.analyse || !analyst || !roster.forensicUnitId || !random.chance(0.7)) continue;
    const toUnitId = roster.forensicUnitId;
    at += random.int(4, 72);
    const dueAt = isoAt(hoursLater(openedAt, at + 24 * 21));
    const question = AnalysisRequestInput.parse({ question: item.analyse, toUnitId, dueAt });
    add(at, async () => {
      state.requestId = (await deps.evidence.requestAnalysis(lead, caseId, state.evidenceId, question, null)).id;
    });
    const outcome = random.weighted([
      ['done', 14],
      ['declined', 1],
      ['accepted', 2],
      ['requested', 1],
    ] as const);
    if (outcome === 'requested') continue;
    if (outcome === 'declined') {
      const reason = '当部の機材では対応できない形式のため、関東管区警察局への依頼を検討されたい。';
      add(at + random.int(4, 48), () => deps.evidence.answerAnalysis(analyst.actor, state.requestId, { kind: 'decline', reason }, null));
      continue;
    }
    at += random.int(2, 72);
    add(at, () => deps.evidence.answerAnalysis(analyst.actor, state.requestId, { kind: 'accept' }, null));
    if (outcome === 'accepted') continue;
    at += random.int(24 * 3, 24 * 25);
    const result = random.pick(ANSWERS);
    add(at, () => deps.evidence.answerAnalysis(analyst.actor, state.requestId, { kind: 'result', result, file: null }, null));
    if (item.kind === 'physical' && random.chance(0.4)) {
      add(at + random.int(24 * 2, 24 * 20), () =>
        deps.evidence.release(lead, caseId, state.evidenceId, { action: 'returned', note: '解析終了に伴い所有者へ還付' }, null),
      );
    }
  }
  return steps;
}
