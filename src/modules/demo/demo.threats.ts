// Attribution and ransomware profiles of the demo's cases (M2.2a): each ransomware case gets its
// NPA survey items (mostly in through a VPN device, double extortion, backups lost) and, once the
// sample is analysed, a catalogue family with a confidence; targeted e-mail goes to the groups that
// do that to Japanese firms. The demo's own family names (DemoLock …) are what the victims' notes
// call them; the attribution says which catalogued family the sample resembles.
import { AttributionInput, RansomwareProfileInput, type Confidence, type ThreatsService } from '#modules/threats/index.ts';
import type { DemoCase, Quota, TimedStep } from './demo.case-context.ts';
import type { Random } from './demo.random.ts';

/** The demo's fictitious family → catalogue entries (ids of the seeded catalogue) it resembles. */
const RESEMBLES: Record<string, readonly (readonly [string, number])[]> = {
  DemoLock: [
    ['lockbit', 6],
    ['black-basta', 1],
  ],
  KakuuCrypt: [
    ['akira', 5],
    ['lockbit', 1],
  ],
  NightMoth: [
    ['phobos', 4],
    ['8base', 3],
  ],
};
const ANY_FAMILY = [
  ['lockbit', 4],
  ['akira', 3],
  ['phobos', 2],
  ['8base', 2],
  ['black-basta', 1],
] as const;

const CONFIDENCE = [
  ['high', 3],
  ['medium', 5],
  ['low', 2],
] as const;

type Incident = { doubleExtortion?: unknown; backups?: unknown; operationsStopped?: unknown };

function incidentOf(details: Record<string, unknown>): Incident {
  const incident = details.incident;
  return typeof incident === 'object' && incident !== null ? incident : {};
}

/** The profile as the investigation found it; a few items stay 未把握 (null). */
function drawProfile(random: Random, incident: Incident): RansomwareProfileInput {
  const doubleExtortion = incident.doubleExtortion === 'yes' ? true : random.weighted<boolean | null>([[true, 5], [false, 2], [null, 1]]); // prettier-ignore
  const encrypted = random.chance(0.95);
  const backupState =
    incident.backups === 'intact'
      ? random.weighted([['restored_full', 4], ['restore_failed', 1]] as const) // prettier-ignore
      : incident.backups === 'encrypted_too'
        ? 'restore_failed'
        : 'none';
  const ransomDemanded = random.chance(0.9);
  return RansomwareProfileInput.parse({
    infectionRoute: random.weighted([['vpn', 12], ['rdp', 4], ['email', 1], ['other', 1], ['unknown', 2]] as const), // prettier-ignore
    encrypted,
    doubleExtortion,
    dataLeaked: doubleExtortion === true ? random.weighted<boolean | null>([[true, 2], [false, 3], [null, 2]]) : false, // prettier-ignore
    ransomDemanded,
    ransomAmountYen: ransomDemanded && random.chance(0.4) ? random.int(5, 300) * 1_000_000 : null,
    backupState: random.chance(0.1) ? null : backupState,
    recoveryPeriod: random.weighted([['lt_1w', 3], ['1w_1m', 5], ['1m_2m', 2], ['ge_2m', 1], ['recovering', 2]] as const), // prettier-ignore
    recoveryCost: random.chance(0.2) ? null : random.weighted([['lt_1m', 2], ['1m_5m', 4], ['5m_10m', 3], ['10m_50m', 3], ['ge_50m', 1]] as const), // prettier-ignore
  });
}

/** Attribution and, for ransomware, the profile of one case; none for most cases. */
export function planThreats(random: Random, theCase: DemoCase, quota: Quota, threats: ThreatsService): TimedStep[] {
  const { id, lead, draft } = theCase;
  const steps: TimedStep[] = [];
  const attribute = (afterHours: number, threatId: string, confidence: Confidence, note: string) =>
    steps.push({ afterHours, run: () => threats.attribute(lead, id, AttributionInput.parse({ threatId, confidence, note }), null) });

  if (draft.subcategory === 'ransomware') {
    const first = quota.take('ransomware-first', 1);
    const incident = incidentOf(draft.details);
    if (first || random.chance(0.92)) {
      const profile = drawProfile(random, incident);
      steps.push({ afterHours: random.int(24 * 3, 24 * 14), run: () => threats.saveRansomwareProfile(lead, id, profile, null) });
    }
    if (first || random.chance(0.85)) {
      const family = draft.ransomFamily ?? '';
      const threatId = random.weighted(RESEMBLES[family] ?? ANY_FAMILY);
      const confidence = random.weighted(CONFIDENCE);
      const at = random.int(24 * 5, 24 * 30);
      attribute(at, threatId, confidence, `検体（通称 ${family || '不明'}）の暗号化処理とランサムノートの文面が類似。リークサイトの構成も一致。`);
      if (confidence === 'low' && random.chance(0.5))
        attribute(at + random.int(24 * 7, 24 * 30), threatId, 'medium', '解析結果（情報通信部）により設定ファイルの形式が一致することを確認。');
    }
  } else if (draft.subcategory === 'targeted_email' && random.chance(0.7)) {
    const cryptoFirm = draft.organisation?.industry === 'information_communications' && quota.take('lazarus', 1);
    const [threatId, note] = cryptoFirm
      ? (['lazarus', '暗号資産関連の開発者を狙った偽の求人・技術課題を装うメールで、端末から暗号資産の秘密鍵が窃取された手口と一致。'] as const)
      : random.weighted([
          [['mirrorface', '実在の研究者・取引先を装うメール、添付ファイルの構成（LNK・ZIP）と通信先の傾向が一致。'], 5],
          [['apt10', '過去の公表事案と同じ形式の添付ファイルを確認。断定には至らない。'], 1],
        ] as const);
    attribute(
      random.int(24 * 7, 24 * 45),
      threatId,
      cryptoFirm
        ? 'medium'
        : random.weighted([
            ['medium', 2],
            ['low', 3],
          ] as const),
      note,
    );
  }
  return steps;
}
