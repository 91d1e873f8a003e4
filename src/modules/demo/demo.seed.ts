// `koban seed demo`: a fictitious prefecture's year, written through the real services (intake,
// triage, cases, observables) so that receipt and case numbers, sightings, the search index and the
// audit chain are all as the application itself would have made them. Opened cases then get
// their attribution and ransomware profile (threats), evidence with its custody and analysis, and
// cooperation (support requests, joint investigations, requests abroad). The clock is moved to each
// event's time; the same seed gives the same year.
import { MIN_PASSWORD_LENGTH } from '#kernel/auth/index.ts';
import type { AuditActor } from '#kernel/audit/index.ts';
import type { Executor } from '#kernel/db/index.ts';
import { AppError } from '#kernel/errors.ts';
import type { BlobStore } from '#kernel/files/index.ts';
import type { UsersService } from '#modules/accounts/index.ts';
import type { CasesService, CooperationService, EvidenceService } from '#modules/cases/index.ts';
import { ConsultationInput, PublicReportInput, STATION_CHANNELS, type IntakeService } from '#modules/intake/index.ts';
import type { ThreatsService } from '#modules/threats/index.ts';
import type { UnitsService } from '#modules/units/index.ts';
import { createQuota, type DemoCase, type Roster } from './demo.case-context.ts';
import { planCase } from './demo.cases.ts';
import { planCooperation } from './demo.cooperation.ts';
import { demoErrors } from './demo.errors.ts';
import { planEvidence } from './demo.evidence.ts';
import { drawInfrastructure, type Infrastructure } from './demo.infrastructure.ts';
import { fictitiousContact } from './demo.people.ts';
import { createRandom, type Random } from './demo.random.ts';
import { draftReport, ransomwareReport, type DraftReport } from './demo.reports.ts';
import { countExistingWork, countSeeded, findItemIdByReceipt } from './demo.repository.ts';
import { planThreats } from './demo.threats.ts';
import { arrivalBetween, createScheduler, DEMO_YEAR_END, DEMO_YEAR_START, hoursLater, RANSOMWARE_WAVE, type DemoClock } from './demo.timeline.ts';
import { createOfficers, type DemoOfficer } from './demo.users.ts';

export type DemoServices = {
  users: UsersService;
  units: UnitsService;
  intake: IntakeService;
  cases: CasesService;
  threats: ThreatsService;
  evidence: EvidenceService;
  cooperation: CooperationService;
  blobs: BlobStore;
};
export type DemoOptions = { seed: number; scale: number; password: string; force: boolean };

const REPORTS_AT_SCALE_1 = 3000;
const RANSOMWARE_WAVE_AT_SCALE_1 = 30;
const SEEDER: AuditActor = { type: 'cli', id: null };

type Arrival = { at: number; draft: DraftReport; random: Random };

function planArrivals(random: Random, infra: Infrastructure, scale: number): Arrival[] {
  const arrivals: Arrival[] = [];
  const count = Math.max(20, Math.round(REPORTS_AT_SCALE_1 * scale));
  for (let i = 0; i < count; i += 1) {
    const own = random.fork(`report-${i}`);
    arrivals.push({ at: arrivalBetween(own, DEMO_YEAR_START, DEMO_YEAR_END), draft: draftReport(own, infra), random: own });
  }
  for (let i = 0; i < Math.max(4, Math.round(RANSOMWARE_WAVE_AT_SCALE_1 * scale)); i += 1) {
    const own = random.fork(`wave-${i}`);
    arrivals.push({ at: arrivalBetween(own, RANSOMWARE_WAVE.start, RANSOMWARE_WAVE.end), draft: ransomwareReport(own, infra), random: own });
  }
  return arrivals.sort((a, b) => a.at - b.at);
}

function validate(options: DemoOptions): void {
  if (!Number.isInteger(options.seed) || options.seed < 0) throw new AppError(demoErrors.invalid_option, { option: '--seed' });
  if (!(options.scale > 0 && options.scale <= 10)) throw new AppError(demoErrors.invalid_option, { option: '--scale' });
  if (options.password.length < MIN_PASSWORD_LENGTH) throw new AppError('auth.weak_password', { minimum: MIN_PASSWORD_LENGTH });
}

export async function seedDemo(services: DemoServices, db: Executor, clock: DemoClock, options: DemoOptions) {
  validate(options);
  const existing = await countExistingWork(db);
  if (existing > 0 && !options.force) throw new AppError(demoErrors.instance_not_empty, { count: existing });
  // The seeder triages each item itself, at a chosen time, instead of the background runner.
  await services.intake.stop();
  const random = createRandom(options.seed);
  clock.set(new Date(DEMO_YEAR_START - 7 * 24 * 3_600_000));
  const officers = await createOfficers(services, random.fork('people'), options.scale, options.password, SEEDER);
  const infra = drawInfrastructure(random.fork('infrastructure'), options.scale);
  const units = new Map((await services.units.list()).map((u) => [u.code, u]));
  const stations = [...units.values()].filter((u) => u.kind === 'station');
  const unitIdOf = (code: string) => units.get(code)?.id ?? null;
  const officersOf = (unitId: string | null) => officers.filter((o) => o.actor.unitId === unitId && o.actor.roles[0] !== 'manager');
  const investigators = officersOf(unitIdOf('cyber_investigation'));
  const forensicUnitId = unitIdOf('ibaraki_info_comm');
  const roster: Roster = { investigators, forensic: officersOf(forensicUnitId), forensicUnitId, officersOfUnit: officersOf };
  const quota = createQuota(options.scale);
  const scheduler = createScheduler(clock);

  async function takeIn({ at, draft, random: own }: Arrival): Promise<string> {
    const station = own.pick(stations);
    const contact = draft.kind === 'tip' ? undefined : fictitiousContact(own);
    if (draft.organisation && contact) contact.name = `${draft.organisation.name} 総務部 ${contact.name}`;
    const fields = { kind: draft.kind, reporterType: draft.reporterType, category: draft.category, subcategory: draft.subcategory, summary: draft.summary };
    const common = { ...fields, description: draft.description, details: { occurredOn: new Date(at).toISOString().slice(0, 10), ...draft.details } };
    const desk = officersOf(station.id);
    if (own.chance(0.35) && desk.length > 0) {
      const closes = own.next() > draft.caseChance && own.chance(0.6);
      const input = ConsultationInput.parse({
        ...common,
        channel: own.pick(STATION_CHANNELS.filter((c) => c !== 'ihc')),
        stationUnitId: station.id,
        contact: contact ?? fictitiousContact(own),
        consent: true,
        ...(closes ? { outcome: own.pick(['advised', 'prevention_guidance', 'referred_external', 'warning_issued']) } : {}),
      });
      return (await services.intake.recordConsultation(own.pick(desk).actor, input, [], null)).id;
    }
    const input = PublicReportInput.parse({ ...common, ...(own.chance(0.5) ? { stationUnitId: station.id } : {}), contact, consent: contact !== undefined });
    const receipt = await services.intake.submitPublic(input, [], null, null);
    const id = await findItemIdByReceipt(db, receipt.receiptNo);
    if (!id) throw new Error(`seeded report ${receipt.receiptNo} not found`);
    return id;
  }

  async function openCase(itemId: string, draft: DraftReport, own: Random, openedAt: number): Promise<void> {
    const lookup = investigators[0];
    if (!lookup) return;
    const item = await services.intake.get(lookup.actor, itemId);
    if (item.status === 'closed' || item.status === 'case_opened') return;
    const local = officersOf(item.assignedUnitId);
    const team = local.length > 0 ? local : investigators;
    const lead = own.pick(team);
    const colleague = team.length > 1 ? (own.pick(team.filter((o) => o !== lead)) ?? null) : null;
    const opened = await services.intake.openCase(lead.actor, itemId, draft.caseTitle, null);
    const isStationOwned = stations.some((s) => s.id === lead.actor.unitId);
    const theCase: DemoCase = {
      id: opened.caseId,
      caseNo: opened.caseNo,
      lead: lead.actor,
      colleague: colleague?.actor ?? null,
      draft,
      openedAt,
      isStationOwned,
    };
    // Forks, so that these draws leave the case's own sequence as it was.
    const cooperation = planCooperation(own.fork('cooperation'), infra, theCase, roster, quota, services.cooperation);
    const supportCodes =
      draft.subcategory === 'ransomware'
        ? ['ibaraki_info_comm', 'kanto_rpb_cyber']
        : local.length > 0 && team !== investigators && !cooperation.requestsSupport
          ? ['cyber_investigation']
          : [];
    const supportUnitIds = supportCodes.flatMap((code) => (unitIdOf(code) !== null && unitIdOf(code) !== item.assignedUnitId ? [unitIdOf(code) ?? ''] : []));
    const state = { version: 1, taskIds: [] as string[] };
    for (const step of planCase(own, infra, theCase, supportUnitIds)) {
      scheduler.add(hoursLater(openedAt, step.afterHours), async () => {
        const result = await step.run(services.cases, state);
        if (result && typeof result === 'object' && 'version' in result && typeof result.version === 'number') state.version = result.version;
      });
    }
    const more = [
      ...planThreats(own.fork('threats'), theCase, quota, services.threats),
      ...planEvidence(own.fork('evidence'), infra, theCase, roster, services),
      ...cooperation.steps,
    ];
    for (const step of more)
      scheduler.add(hoursLater(openedAt, step.afterHours), async () => {
        await step.run();
      });
  }

  for (const arrival of planArrivals(random.fork('arrivals'), infra, options.scale)) {
    await scheduler.runUntil(arrival.at);
    clock.set(new Date(arrival.at));
    const itemId = await takeIn(arrival);
    clock.set(new Date(hoursLater(arrival.at, arrival.random.int(1, 10) / 60)));
    await services.intake.triage(itemId);
    if (arrival.random.next() < arrival.draft.caseChance) {
      const openedAt = hoursLater(arrival.at, arrival.random.int(2, 24 * 5));
      scheduler.add(openedAt, () => openCase(itemId, arrival.draft, arrival.random.fork('case'), openedAt));
    }
  }
  await scheduler.runUntil(DEMO_YEAR_END);
  return { ...(await countSeeded(db)), officers: officers.map(describeOfficer), seed: options.seed, scale: options.scale };
}

function describeOfficer(officer: DemoOfficer) {
  return { username: officer.actor.username, displayName: officer.displayName, unitCode: officer.unitCode, role: officer.actor.roles[0] ?? null };
}

export type DemoSummary = Awaited<ReturnType<typeof seedDemo>>;
