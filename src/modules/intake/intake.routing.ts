// Routing rules are data (versioned, audited, edited by an administrator). Every rule whose
// conditions all hold applies: the first matching rule that names a route decides the unit, the
// first that names a priority decides the priority, and flags and guidance add up. Order matters:
// the specific rules (money moving now, business stopped) come before the general ones.
import type { RoutingRules } from './intake.contract.ts';
import type { PRIORITIES } from './intake.taxonomy.ts';

export type Priority = (typeof PRIORITIES)[number];

export type RoutingFacts = {
  kind: string;
  category: string;
  subcategory: string | null;
  reporterType: string;
  correlatedWithOpenCase: boolean;
  transferOngoing: boolean;
  operationsStopped: boolean;
  amountYen: number | null;
};

export type RoutingDecision = { route: string; priority: Priority; flags: string[]; guidance: string[]; ruleIds: string[]; deadlineMinutes: number };

export const DEFAULT_ROUTING_RULES: RoutingRules = {
  rules: [
    { id: 'ongoing_transfer', when: { transferOngoing: true }, route: 'cyber_division', priority: 'urgent', flags: ['freeze_path'] },
    { id: 'correlated_open_case', when: { correlatedWithOpenCase: true }, route: 'cyber_division', priority: 'high', flags: ['correlated_case'] },
    { id: 'operations_stopped', when: { operationsStopped: true }, route: 'cyber_division', priority: 'urgent', flags: ['early_recovery'] },
    {
      id: 'ransomware',
      when: { categories: ['unauthorized_access_malware'], subcategories: ['ransomware', 'no_ware_ransom'] },
      route: 'cyber_division',
      priority: 'high',
    },
    {
      id: 'business_incident',
      when: { categories: ['unauthorized_access_malware'], reporterTypes: ['organisation'] },
      route: 'cyber_division',
      priority: 'high',
    },
    { id: 'unauthorized_access', when: { categories: ['unauthorized_access_malware'] }, route: 'cyber_division', priority: 'normal' },
    { id: 'defamation', when: { categories: ['defamation_harassment'] }, route: 'station', priority: 'normal', guidance: ['defamation_referral'] },
    { id: 'illegal_info', when: { categories: ['illegal_harmful_info'] }, route: 'station', priority: 'normal', guidance: ['ihc_referral'] },
    { id: 'default', when: {}, route: 'station', priority: 'normal' },
  ],
  deadlineMinutes: { urgent: 60, high: 240, normal: 1440, low: 4320 },
};

function matches(rule: RoutingRules['rules'][number], facts: RoutingFacts): boolean {
  const w = rule.when;
  if (w.kinds && !w.kinds.some((k) => k === facts.kind)) return false;
  if (w.categories && !w.categories.some((c) => c === facts.category)) return false;
  if (w.subcategories && (facts.subcategory === null || !w.subcategories.includes(facts.subcategory))) return false;
  if (w.reporterTypes && !w.reporterTypes.some((r) => r === facts.reporterType)) return false;
  if (w.correlatedWithOpenCase !== undefined && w.correlatedWithOpenCase !== facts.correlatedWithOpenCase) return false;
  if (w.transferOngoing !== undefined && w.transferOngoing !== facts.transferOngoing) return false;
  if (w.operationsStopped !== undefined && w.operationsStopped !== facts.operationsStopped) return false;
  if (w.minAmountYen !== undefined && (facts.amountYen === null || facts.amountYen < w.minAmountYen)) return false;
  return true;
}

export function decideRoute(rules: RoutingRules, facts: RoutingFacts): RoutingDecision {
  let route: string | undefined;
  let priority: Priority | undefined;
  const flags = new Set<string>();
  const guidance = new Set<string>();
  const ruleIds: string[] = [];
  for (const rule of rules.rules) {
    if (!matches(rule, facts)) continue;
    ruleIds.push(rule.id);
    route ??= rule.route;
    priority ??= rule.priority;
    for (const flag of rule.flags ?? []) flags.add(flag);
    for (const g of rule.guidance ?? []) guidance.add(g);
  }
  const finalPriority = priority ?? 'normal';
  return {
    route: route ?? 'station',
    priority: finalPriority,
    flags: [...flags],
    guidance: [...guidance],
    ruleIds,
    deadlineMinutes: rules.deadlineMinutes[finalPriority],
  };
}
