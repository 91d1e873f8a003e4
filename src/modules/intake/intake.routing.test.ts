import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_ROUTING_RULES, decideRoute, type RoutingFacts } from './intake.routing.ts';

const base: RoutingFacts = {
  kind: 'report',
  category: 'fraud',
  subcategory: 'fake_shop',
  reporterType: 'individual',
  correlatedWithOpenCase: false,
  transferOngoing: false,
  operationsStopped: false,
  amountYen: null,
};

describe('decideRoute with the default rules', () => {
  it('sends ransomware to the cyber division at high priority with a 4-hour deadline', () => {
    const d = decideRoute(DEFAULT_ROUTING_RULES, { ...base, category: 'unauthorized_access_malware', subcategory: 'ransomware', reporterType: 'organisation' });
    assert.equal(d.route, 'cyber_division');
    assert.equal(d.priority, 'high');
    assert.equal(d.deadlineMinutes, 240);
    assert.deepEqual(d.ruleIds, ['ransomware', 'business_incident', 'unauthorized_access', 'default']);
  });

  it('marks an ongoing transfer urgent on the freeze path', () => {
    const d = decideRoute(DEFAULT_ROUTING_RULES, { ...base, transferOngoing: true });
    assert.equal(d.route, 'cyber_division');
    assert.equal(d.priority, 'urgent');
    assert.deepEqual(d.flags, ['freeze_path']);
    assert.equal(d.deadlineMinutes, 60);
  });

  it('sends anything correlated with an open case to the cyber division', () => {
    const d = decideRoute(DEFAULT_ROUTING_RULES, { ...base, correlatedWithOpenCase: true });
    assert.equal(d.route, 'cyber_division');
    assert.ok(d.flags.includes('correlated_case'));
  });

  it('keeps defamation at the station with referral guidance', () => {
    const d = decideRoute(DEFAULT_ROUTING_RULES, { ...base, category: 'defamation_harassment', subcategory: 'defamation' });
    assert.equal(d.route, 'station');
    assert.deepEqual(d.guidance, ['defamation_referral']);
    assert.equal(d.priority, 'normal');
  });

  it('drives early-recovery care when operations are stopped', () => {
    const d = decideRoute(DEFAULT_ROUTING_RULES, { ...base, category: 'unauthorized_access_malware', subcategory: 'ransomware', operationsStopped: true });
    assert.equal(d.priority, 'urgent');
    assert.ok(d.flags.includes('early_recovery'));
  });

  it('leaves ordinary fraud with the station at normal priority', () => {
    const d = decideRoute(DEFAULT_ROUTING_RULES, base);
    assert.equal(d.route, 'station');
    assert.equal(d.deadlineMinutes, 1440);
  });

  it('applies amount thresholds, and the first matching priority wins', () => {
    const rules = {
      ...DEFAULT_ROUTING_RULES,
      rules: [{ id: 'big_loss', when: { minAmountYen: 1_000_000 }, priority: 'high' as const }, ...DEFAULT_ROUTING_RULES.rules],
    };
    assert.equal(decideRoute(rules, { ...base, amountYen: 2_000_000 }).priority, 'high');
    assert.equal(decideRoute(rules, { ...base, amountYen: 999 }).priority, 'normal');
    assert.equal(decideRoute(rules, { ...base, amountYen: 2_000_000 }).route, 'station');
    const lowered = {
      ...DEFAULT_ROUTING_RULES,
      rules: [{ id: 'cards_low', when: { categories: ['credit_card_fraud' as const] }, priority: 'low' as const }, ...DEFAULT_ROUTING_RULES.rules],
    };
    assert.equal(decideRoute(lowered, { ...base, category: 'credit_card_fraud' }).priority, 'low');
  });
});
