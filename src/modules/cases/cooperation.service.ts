// Working across units (M1.1, M3.2c/d, M4), inside the case workspace: support requests to the
// cyber division, joint investigations and NCU referrals, international requests. Everything is
// seen through the case's need-to-know, except a support request by the unit it is addressed to.
import type { Actor } from '#kernel/auth/index.ts';
import type { CaseCooperation } from './cooperation.contract.ts';
import type { CooperationCollaborators, CooperationDeps } from './cooperation.deps.ts';
import { createCooperationRecords } from './cooperation.records.ts';
import { createInternationalReminders } from './cooperation.reminders.ts';
import { createSupportRequests } from './cooperation.support.ts';

export function createCooperationService(deps: CooperationDeps, c: CooperationCollaborators) {
  const support = createSupportRequests(deps, c);
  const records = createCooperationRecords(deps, c);
  const reminders = createInternationalReminders(deps, c);
  return {
    /** All cooperation of one case the actor may see (`case.not_found` otherwise). */
    async ofCase(actor: Actor, caseId: string, requestId: string | null): Promise<CaseCooperation> {
      await c.cases.visibleCase(actor, caseId, 'cooperation', requestId);
      const [cyberDivisionUnitId, supportRequests, { external, international }] = await Promise.all([
        support.cyberDivisionId(),
        support.ofCase(caseId),
        records.ofCase(caseId),
      ]);
      return { cyberDivisionUnitId, supportRequests, external, international };
    },
    requestSupport: support.request,
    answerSupport: support.answer,
    supportAddressedTo: support.addressedTo,
    escalateOverdueSupport: support.escalateOverdue,
    remindOverdueInternational: reminders.remindOverdue,
    recordExternal: records.recordExternal,
    updateExternal: records.updateExternal,
    recordInternational: records.recordInternational,
    updateInternational: records.updateInternational,
  };
}

export type CooperationService = ReturnType<typeof createCooperationService>;
