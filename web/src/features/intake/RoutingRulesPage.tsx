// 振分けルール (M2.1b): the rule set in force, read as sentences (conditions → unit, priority,
// flags, guidance) with the deadline for each priority, the saved versions, and for intake.rules
// holders an editor whose input the server validates field by field.
import { Accordion, Alert, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { QueryView } from '../../app/QueryView.tsx';
import { useCan } from '../../app/session.tsx';
import { useApiQuery } from '../../app/useApiQuery.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { formatDateTime, useI18n, type Translate } from '../../i18n/i18n.tsx';
import { unitName, unitsApi, type Unit } from '../units/units.api.ts';
import { usersApi } from '../users/users.api.ts';
import { PRIORITIES } from '../../../../src/modules/intake/intake.taxonomy.ts';
import { intakeApi, type RoutingRules, type RuleSet } from './intake.api.ts';
import { hasIntakeLabel, useIntakeLabel } from './intakeLabels.ts';
import { FlagBadges, IntakeNav, PriorityBadge } from './IntakeParts.tsx';
import { RulesEditor } from './RulesEditor.tsx';

type Rule = RoutingRules['rules'][number];

export function RoutingRulesPage() {
  const { t } = useI18n();
  const can = useCan();
  const overview = useApiQuery(() => intakeApi.rules());
  const units = useApiQuery(async () => (can('unit.read') ? unitsApi.list() : []));
  const people = useApiQuery(async () => (can('user.read') ? usersApi.list() : []));
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  const personLabel = (userId: string | null) =>
    userId ? (people.data?.find((person) => person.id === userId)?.displayName ?? userId) : t('intake.rules_builtin');

  return (
    <>
      <PageHeading title={t('intake.rules_title')} />
      <IntakeNav />
      <QueryView query={overview}>
        {(data) => (
          <Stack gap="lg">
            <div aria-live="polite">
              {savedVersion !== null && (
                <Alert color="green" variant="light" data-testid="rules-saved">
                  {t('intake.rules_saved', { version: savedVersion })}
                </Alert>
              )}
            </div>
            <Card withBorder component="section" aria-labelledby="rules-current-title">
              <Stack gap="md">
                <Title order={2} size="h4" id="rules-current-title">
                  {data.current.version === 0 ? t('intake.rules_current_builtin') : t('intake.rules_current', { version: data.current.version })}
                </Title>
                <Deadlines rules={data.current.rules} />
                <RuleList rules={data.current.rules.rules} units={units.data ?? []} />
              </Stack>
            </Card>
            {can('intake.rules') && (
              <RulesEditor
                key={data.current.version}
                rules={data.current.rules}
                onSaved={(saved) => {
                  setSavedVersion(saved.version);
                  overview.reload();
                }}
              />
            )}
            <History items={data.items} units={units.data ?? []} personLabel={personLabel} />
          </Stack>
        )}
      </QueryView>
    </>
  );
}

export function durationText(t: Translate, minutes: number): string {
  if (minutes % 1440 === 0) return t('intake.duration_days', { count: minutes / 1440 });
  if (minutes % 60 === 0) return t('intake.duration_hours', { count: minutes / 60 });
  return t('intake.duration_minutes', { count: minutes });
}

function Deadlines({ rules }: { rules: RoutingRules }) {
  const { t } = useI18n();
  return (
    <div>
      <Text size="sm" fw={700} mb={4}>
        {t('intake.rules_deadlines')}
      </Text>
      <Group gap="md" wrap="wrap" data-testid="rules-deadlines">
        {PRIORITIES.map((priority) => (
          <Group key={priority} gap={6} wrap="nowrap">
            <PriorityBadge priority={priority} />
            <Text size="sm">{durationText(t, rules.deadlineMinutes[priority])}</Text>
          </Group>
        ))}
      </Group>
    </div>
  );
}

function useConditionText(): (rule: Rule) => string[] {
  const { t, language } = useI18n();
  const label = useIntakeLabel();
  const list = (group: 'kind' | 'category' | 'subcategory' | 'reporter_type', names: readonly string[]) =>
    names.map((name) => label(group, name)).join(t('intake.list_separator'));
  return (rule) => {
    const w = rule.when;
    const parts: string[] = [];
    if (w.kinds) parts.push(t('intake.when_kinds', { list: list('kind', w.kinds) }));
    if (w.categories) parts.push(t('intake.when_categories', { list: list('category', w.categories) }));
    if (w.subcategories) parts.push(t('intake.when_subcategories', { list: list('subcategory', w.subcategories) }));
    if (w.reporterTypes) parts.push(t('intake.when_reporter_types', { list: list('reporter_type', w.reporterTypes) }));
    if (w.correlatedWithOpenCase !== undefined) parts.push(w.correlatedWithOpenCase ? t('intake.when_correlated') : t('intake.when_not_correlated'));
    if (w.transferOngoing !== undefined) parts.push(w.transferOngoing ? t('intake.when_transfer_ongoing') : t('intake.when_no_transfer'));
    if (w.operationsStopped !== undefined) parts.push(w.operationsStopped ? t('intake.when_operations_stopped') : t('intake.when_operations_running'));
    if (w.minAmountYen !== undefined) parts.push(t('intake.when_min_amount', { amount: w.minAmountYen.toLocaleString(language === 'ja' ? 'ja-JP' : 'en-GB') }));
    return parts.length > 0 ? parts : [t('intake.when_always')];
  };
}

function RuleList({ rules, units }: { rules: readonly Rule[]; units: readonly Unit[] }) {
  const { t, language } = useI18n();
  const label = useIntakeLabel();
  const conditionText = useConditionText();
  const routeText = (route: string | undefined) => {
    if (route === undefined) return t('intake.route_none');
    if (hasIntakeLabel('route', route)) return label('route', route);
    const unit = units.find((candidate) => candidate.code === route);
    return unit ? unitName(unit, language) : route;
  };
  return (
    <ol className="plain-list rule-list" data-testid="rule-list">
      {rules.map((rule) => (
        <li key={rule.id} data-rule={rule.id}>
          <Card withBorder padding="sm">
            <Stack gap={6}>
              <Group gap="xs" wrap="wrap">
                <Text fw={700} size="sm">
                  {hasIntakeLabel('rule', rule.id) ? label('rule', rule.id) : rule.id}
                </Text>
                <Text size="xs" c="dimmed" ff="monospace">
                  {rule.id}
                </Text>
              </Group>
              <Text size="sm">{t('intake.rule_when', { conditions: conditionText(rule).join(t('intake.condition_separator')) })}</Text>
              <Group gap="xs" wrap="wrap">
                <Text size="sm">{t('intake.rule_route', { route: routeText(rule.route) })}</Text>
                {rule.priority && <PriorityBadge priority={rule.priority} />}
                <FlagBadges flags={rule.flags ?? []} />
                {(rule.guidance ?? []).map((guidance) => (
                  <Badge key={guidance} variant="outline" color="teal" tt="none" size="sm">
                    {label('guidance', guidance)}
                  </Badge>
                ))}
              </Group>
            </Stack>
          </Card>
        </li>
      ))}
    </ol>
  );
}

function History({ items, units, personLabel }: { items: readonly RuleSet[]; units: readonly Unit[]; personLabel: (userId: string | null) => string }) {
  const { t, language } = useI18n();
  return (
    <section aria-labelledby="rules-history-title">
      <Title order={2} size="h4" id="rules-history-title" mb="xs">
        {t('intake.rules_history')}
      </Title>
      {items.length === 0 ? (
        <Text c="dimmed">{t('intake.rules_history_none')}</Text>
      ) : (
        <Accordion variant="separated" data-testid="rules-history">
          {items.map((item) => (
            <Accordion.Item key={item.version} value={String(item.version)}>
              <Accordion.Control>
                <Stack gap={0}>
                  <Text size="sm" fw={700}>
                    {t('intake.rules_version_line', {
                      version: item.version,
                      at: formatDateTime(language, item.createdAt),
                      person: personLabel(item.createdBy),
                    })}
                  </Text>
                  <Text size="sm" className="reporter-text">
                    {item.comment}
                  </Text>
                </Stack>
              </Accordion.Control>
              <Accordion.Panel>
                <Stack gap="sm">
                  <Deadlines rules={item.rules} />
                  <RuleList rules={item.rules.rules} units={units} />
                </Stack>
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      )}
    </section>
  );
}
