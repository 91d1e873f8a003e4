// What happens to a case after 事件化, as timed steps: the lead fills in victim and damage, adds a
// colleague and supporting units, writes notes, sets and finishes tasks, records what the
// investigation found (the shared infrastructure again) and moves the status along one of a few
// realistic paths. Steps that would fall after the demo year's end are simply not taken, so older
// cases are further along.
import type { Actor } from '#kernel/auth/index.ts';
import type { CasesService, CaseStatus } from '#modules/cases/index.ts';
import { pickShared, type Infrastructure } from './demo.infrastructure.ts';
import type { DraftReport } from './demo.reports.ts';
import type { Random } from './demo.random.ts';

export type OpenedCase = { id: string; caseNo: string; lead: Actor; colleague: Actor | null; draft: DraftReport };
export type CaseStep = { afterHours: number; run(cases: CasesService, state: { version: number; taskIds: string[] }): Promise<unknown> };

const PATHS: readonly (readonly [readonly CaseStatus[], number])[] = [
  [['investigating', 'suspect_identified', 'cleared', 'sent_to_prosecutor', 'closed'], 4],
  [['investigating', 'joint_investigation', 'suspect_identified', 'cleared', 'sent_to_prosecutor'], 2],
  [['investigating', 'pending'], 3],
  [['investigating', 'closed'], 1],
];
const RANSOMWARE_PATH: readonly CaseStatus[] = ['investigating', 'joint_investigation', 'pending'];

const NOTES = [
  '被害者から事情聴取を行い、被害状況と経緯を確認した。',
  '関係プロバイダに対し通信履歴の保全を要請した。',
  '振込先口座について金融機関に取引停止等を依頼した。',
  '同一の手口による相談が他署でも受理されていることを確認した。',
  '押収した端末の解析を情報通信部に依頼した。',
] as const;
const RANSOMWARE_NOTES = [
  'VPN機器のログを保全。認証成功の記録を確認し、脆弱性が未修正であったことを把握した。',
  '被害企業の復旧状況を確認。バックアップも暗号化されており復元できていない。',
  '同時期の他の被害企業と侵入元IPアドレスが一致することを確認した。',
] as const;
const TASKS = ['通信履歴の保全要請', '捜査関係事項照会（プロバイダ）', '口座凍結依頼の進捗確認', '被害届の受理', '参考人聴取'] as const;

function findings(random: Random, infra: Infrastructure, draft: DraftReport): string {
  if (draft.subcategory === 'ransomware') {
    const scanners = random.sample(infra.vpnScanners, 2).join(', ');
    const family = random.pick(infra.ransomware);
    return `VPN機器のログ解析結果: 不正ログイン元 ${scanners}。検体 SHA-256 ${family.hashes.join(' ')}。C2 ${pickShared(random, infra.c2Addresses)}。`;
  }
  if (draft.category === 'fraud' || draft.subcategory === 'ib_illegal_transfer') {
    const mule = pickShared(random, infra.muleAccounts);
    return `資金の流れを追跡: 二次送金先 ${mule.text}、暗号資産 ${pickShared(random, infra.ethWallets)} への出庫を確認。`;
  }
  return `関連通信先: ${pickShared(random, infra.c2Addresses)}、${pickShared(random, infra.phishingDomains)}。`;
}

/** The steps of one case's life, in hours after it was opened. */
export function planCase(random: Random, infra: Infrastructure, opened: OpenedCase, supportUnitIds: string[]): CaseStep[] {
  const { id, lead, colleague, draft } = opened;
  const isRansomware = draft.subcategory === 'ransomware';
  const steps: CaseStep[] = [];
  const add = (afterHours: number, run: CaseStep['run']) => steps.push({ afterHours, run });
  const victim = draft.organisation
    ? { kind: 'organisation' as const, name: draft.organisation.name, industry: draft.organisation.industry, orgSize: draft.organisation.orgSize }
    : { kind: 'person' as const };
  add(1, (cases, state) =>
    cases.update(lead, id, { version: state.version, victim, ...(draft.damageYen === undefined ? {} : { damageYen: draft.damageYen }) }, null),
  );
  if (colleague) add(2, (cases) => cases.addMember(lead, id, colleague.userId, null));
  for (const unitId of supportUnitIds) add(random.int(3, 48), (cases) => cases.addSupportUnit(lead, id, unitId, null));
  const notes = isRansomware ? RANSOMWARE_NOTES : NOTES;
  for (const [i, body] of random.sample(notes, random.int(1, 3)).entries())
    add(24 * (i + 1) + random.int(0, 20), (cases) => cases.addNote(lead, id, body, null));
  for (const title of random.sample(TASKS, random.int(1, 3))) {
    const createdAfter = random.int(4, 72);
    add(createdAfter, async (cases, state) => {
      const detail = await cases.addTask(lead, id, { title, assigneeId: colleague?.userId ?? lead.userId, dueAt: null }, null);
      const task = detail.tasks[detail.tasks.length - 1];
      if (task) state.taskIds.push(task.id);
    });
    if (random.chance(0.6))
      add(createdAfter + random.int(24, 400), async (cases, state) => {
        const taskId = state.taskIds.shift();
        if (taskId) await cases.completeTask(lead, id, taskId, null);
      });
  }
  const text = findings(random, infra, draft);
  add(random.int(48, 24 * 20), (cases) => cases.recordObservables(lead, id, text, null));
  const path = isRansomware ? RANSOMWARE_PATH : random.weighted(PATHS);
  let at = random.int(6, 72);
  for (const to of path) {
    add(at, (cases, state) => cases.transition(lead, id, to, '', state.version, null));
    at += random.int(24 * 5, 24 * 40);
  }
  return steps.sort((a, b) => a.afterHours - b.afterHours);
}
