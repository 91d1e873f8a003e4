// Cooperation in the demo's cases (M1.1, M3.2c/d, M4): stations ask the cyber division for support
// (most accepted and done, a few declined, one or two left past their deadline and escalated), the
// ransomware wave is investigated jointly with neighbouring prefectures, one case goes to the
// National Cyber Unit, and a couple of requests go abroad (NL by MLAT, US through the 24/7 network)
// or come in (ICPO), each moving through its statuses as time passes.
import {
  ExternalCooperationInput,
  InternationalRequestInput,
  SupportAnswerInput,
  SupportRequestInput,
  type CooperationService,
  type ExternalCooperationUpdate,
  type InternationalRequestUpdate,
} from '#modules/cases/index.ts';
import { isoAt, type DemoCase, type Quota, type Roster, type TimedStep } from './demo.case-context.ts';
import { pickShared, type Infrastructure } from './demo.infrastructure.ts';
import { fictitiousName } from './demo.people.ts';
import type { Random } from './demo.random.ts';
import { hoursLater, RANSOMWARE_WAVE } from './demo.timeline.ts';

const SUPPORT_TEXTS = {
  analysis: '被害者から任意提出を受けたスマートフォンの解析について支援をお願いしたい。',
  investigation: '送金先口座の名義人が管外在住のため、関係先の捜査について支援を要請する。',
  technical_advice: 'プロバイダへの照会事項（ログの種類・保存期間）について技術的な助言をお願いしたい。',
  seizure: '被疑者宅の捜索差押えにおける電磁的記録の保全について、技術支援を要請する。',
} as const;
const DECLINE_REASONS = [
  '同種事案の集中により当面対応が困難。照会事項の書式を送付するので署で実施されたい。',
  '解析対象の機種は当課の機材で対応できないため、情報通信部へ直接依頼されたい。',
] as const;
const NEIGHBOURS = [
  ['chiba', '千葉県警察'],
  ['tochigi', '栃木県警察'],
  ['gunma', '群馬県警察'],
  ['saitama', '埼玉県警察'],
  ['fukushima', '福島県警察'],
] as const;

type Plan = { steps: TimedStep[]; requestsSupport: boolean };

/** 支援要請 from a station: most accepted then done, a few declined, a few left past the deadline. */
function planSupport(
  random: Random,
  theCase: DemoCase,
  roster: Roster,
  quota: Quota,
  cooperation: CooperationService,
  add: (h: number, run: () => Promise<unknown>) => void,
) {
  const { id, lead } = theCase;
  const kind = random.weighted([['analysis', 4], ['investigation', 2], ['technical_advice', 3], ['seizure', 1]] as const); // prettier-ignore
  const requestedAfter = random.int(4, 72);
  const deadlineAfter = requestedAfter + random.int(24 * 3, 24 * 7);
  const input = SupportRequestInput.parse({ kind, text: SUPPORT_TEXTS[kind], deadlineAt: isoAt(hoursLater(theCase.openedAt, deadlineAfter)) });
  const outcome = random.chance(0.3) && quota.take('support-overdue', 2) ? 'overdue' : random.weighted([['done', 12], ['declined', 2], ['accepted', 1]] as const); // prettier-ignore
  const state = { requestId: '', targetUnitId: '' };
  add(requestedAfter, async () => {
    const view = await cooperation.requestSupport(lead, id, input, null);
    state.requestId = view.id;
    state.targetUnitId = view.targetUnitId;
  });
  const answerer = random.next();
  const answer =
    (to: SupportAnswerInput['to'], reason = '') =>
    async () => {
      const officers = roster.officersOfUnit(state.targetUnitId);
      const officer = officers[Math.floor(answerer * officers.length)];
      if (officer) await cooperation.answerSupport(officer.actor, state.requestId, SupportAnswerInput.parse({ to, reason }), null);
    };
  if (outcome === 'overdue') {
    // Nobody answers in time: the escalation runs an hour after the deadline, and the division
    // picks the request up a day or two later (or, for some, not yet).
    add(deadlineAfter + 1, () => cooperation.escalateOverdueSupport());
    if (random.chance(0.5)) add(deadlineAfter + random.int(24, 48), answer('accepted', '期限超過のお詫び。本日より対応する。'));
    return;
  }
  const answeredAfter = requestedAfter + random.int(1, 36);
  if (outcome === 'declined') {
    add(answeredAfter, answer('declined', random.pick(DECLINE_REASONS)));
    return;
  }
  add(answeredAfter, answer('accepted'));
  if (outcome === 'done') add(answeredAfter + random.int(24 * 3, 24 * 40), answer('done', '支援完了。結果は事件記録に登載した。'));
}

function planExternal(
  random: Random,
  theCase: DemoCase,
  input: ExternalCooperationInput,
  path: readonly ExternalCooperationUpdate[],
  cooperation: CooperationService,
  add: (h: number, run: () => Promise<unknown>) => void,
) {
  const { id, lead } = theCase;
  const state = { recordId: '' };
  let at = random.int(24 * 3, 24 * 20);
  add(at, async () => {
    state.recordId = (await cooperation.recordExternal(lead, id, input, null)).id;
  });
  for (const update of path) {
    at += random.int(24 * 3, 24 * 45);
    add(at, () => cooperation.updateExternal(lead, id, state.recordId, update, null));
  }
}

function planInternational(
  random: Random,
  theCase: DemoCase,
  input: InternationalRequestInput,
  path: readonly InternationalRequestUpdate[],
  cooperation: CooperationService,
  add: (h: number, run: () => Promise<unknown>) => void,
) {
  const { id, lead } = theCase;
  const state = { recordId: '' };
  let at = random.int(24 * 7, 24 * 30);
  add(at, async () => {
    state.recordId = (await cooperation.recordInternational(lead, id, input, null)).id;
  });
  for (const update of path) {
    at += update.status === 'sent' ? random.int(24 * 2, 24 * 10) : random.int(24 * 10, 24 * 80);
    add(at, () => cooperation.updateInternational(lead, id, state.recordId, update, null));
  }
  // A request still waiting past its deadline reminds its officers (the server's job does this too).
  if (input.deadlineAt) add((Date.parse(input.deadlineAt) - theCase.openedAt) / 3_600_000 + 2, () => cooperation.remindOverdueInternational());
}

/** Cooperation of one case; `requestsSupport` tells the caller the division joins through the request. */
export function planCooperation(random: Random, infra: Infrastructure, theCase: DemoCase, roster: Roster, quota: Quota, cooperation: CooperationService): Plan {
  const { draft, openedAt } = theCase;
  const steps: TimedStep[] = [];
  const add = (afterHours: number, run: () => Promise<unknown>) => steps.push({ afterHours, run });
  const requestsSupport = theCase.isStationOwned && random.chance(0.5);
  if (requestsSupport) planSupport(random, theCase, roster, quota, cooperation, add);

  const inWave = openedAt >= RANSOMWARE_WAVE.start && openedAt < RANSOMWARE_WAVE.end + 14 * 24 * 3_600_000;
  if (draft.subcategory === 'ransomware' && inWave && (!quota.has('joint') || random.chance(0.2)) && quota.take('joint', 4)) {
    const [counterpart, force] = random.pick(NEIGHBOURS);
    const scanners = random.sample(infra.vpnScanners, 2);
    const input = ExternalCooperationInput.parse({
      kind: 'joint_investigation',
      counterpart,
      summary: `同一のVPN装置の脆弱性を悪用したランサムウェア被害が${force}管内でも発生。侵入元IPアドレスが一致するため共同捜査を実施する。`,
      sharedObservables: scanners.map((value) => ({ value, count: random.int(2, 12) })),
      contactName: `${force} サイバー捜査課 ${fictitiousName(random)}`,
    });
    const path: ExternalCooperationUpdate[] = [
      { status: 'active', note: '合同捜査会議を開催。役割分担を確認した。' },
      ...(random.chance(0.5) ? [{ status: 'ended' as const, note: '被疑者の特定に至らず、情報共有を継続することとして終了。' }] : []),
    ];
    planExternal(random, theCase, input, path, cooperation, add);
  }

  const ncuCandidate = draft.subcategory === 'targeted_email' || (draft.subcategory === 'ransomware' && draft.organisation?.orgSize === 'large');
  if (ncuCandidate && quota.take('ncu', 1)) {
    const input = ExternalCooperationInput.parse({
      kind: 'ncu_referral',
      counterpart: 'ncu',
      summary: '国外の攻撃グループの関与が疑われ、重大サイバー事案に該当する可能性があるため国家サイバー捜査隊へ引き継ぐ。',
      contactName: `国家サイバー捜査隊 ${fictitiousName(random)}`,
    });
    planExternal(random, theCase, input, [{ status: 'accepted', note: '受理の連絡あり。当県は被害者対応と証拠品の提供を継続する。' }], cooperation, add);
  }

  if (draft.subcategory === 'ransomware' && inWave && quota.has('joint') && random.chance(0.3) && quota.take('international-nl', 1)) {
    const family = infra.ransomware.find((f) => f.family === draft.ransomFamily);
    const input = InternationalRequestInput.parse({
      direction: 'outgoing',
      countryCode: 'NL',
      agency: 'オランダ司法省（中央当局）',
      channel: 'mlat',
      text: `リークサイト ${family?.leakSite ?? '(不明)'} 及びC2サーバ ${pickShared(random, infra.c2Addresses)} をホストする事業者の契約者情報・通信記録の提供を求める（刑事共助条約）。`,
      deadlineAt: isoAt(hoursLater(openedAt, 24 * 120)),
      ourReference: `IB-MLAT-2026-${random.digits(3)}`,
    });
    const path: InternationalRequestUpdate[] = [
      { status: 'sent', note: '警察庁・法務省を経由して送付。' },
      { status: 'acknowledged', note: '受領の連絡あり。', theirReference: `NL-${random.digits(6)}` },
      ...(random.chance(0.5) ? [{ status: 'answered' as const, note: '契約者情報（偽名）とアクセス記録の一部が提供された。' }] : []),
    ];
    planInternational(random, theCase, input, path, cooperation, add);
  }

  const phishing = draft.subcategory === 'ib_illegal_transfer' || draft.subcategory === 'fake_shop';
  if (phishing && random.chance(0.15) && quota.take('international-us', 1)) {
    const input = InternationalRequestInput.parse({
      direction: 'outgoing',
      countryCode: 'US',
      agency: 'U.S. Department of Justice (24/7 Network point of contact)',
      channel: 'network_24_7',
      text: 'フィッシングサイトを提供するクラウド事業者（米国）に対し、アカウント情報及びアクセスログの保全（preservation）を要請する。',
      deadlineAt: isoAt(hoursLater(openedAt, 24 * 45)),
    });
    const path: InternationalRequestUpdate[] = [
      { status: 'sent', note: '24/7窓口へ電子メールで送付。' },
      { status: 'answered', note: '保全済みとの回答。提供には刑事共助による正式な要請が必要。' },
      ...(random.chance(0.5) ? [{ status: 'closed' as const, note: '正式要請の要否を検討し、本件では行わないこととした。' }] : []),
    ];
    planInternational(random, theCase, input, path, cooperation, add);
  }

  if (draft.subcategory === 'sns_investment_romance' && random.chance(0.1) && quota.take('international-kr', 1)) {
    const input = InternationalRequestInput.parse({
      direction: 'incoming',
      countryCode: 'KR',
      agency: '韓国警察庁（ICPO ソウル）',
      channel: 'icpo',
      text: '同国で発生した投資詐欺の送金先に本件の口座が含まれるため、口座名義人に関する情報の提供を求める。',
      theirReference: `KNPA-${random.digits(5)}`,
    });
    const path: InternationalRequestUpdate[] = [
      { status: 'acknowledged', note: '警察庁国際捜査管理官を通じて受領を通知。' },
      { status: 'answered', note: '口座名義人と取引履歴の概要を回答。' },
    ];
    planInternational(random, theCase, input, path, cooperation, add);
  }
  return { steps, requestsSupport };
}
