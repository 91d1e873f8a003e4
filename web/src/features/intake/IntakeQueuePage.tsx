// 振分けキュー (M2.1b): open reports and consultations, urgent first and then by deadline, with
// filters kept in the URL so the way back from an item lands on the same list. A table from
// Mantine's sm breakpoint up, cards on phones.
import { Anchor, Button, Card, Group, Select, SimpleGrid, Stack, Switch, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { PATHS } from '../../app/routes.tsx';
import { Link } from '../../app/router.tsx';
import { QueryView } from '../../app/QueryView.tsx';
import { useCan } from '../../app/session.tsx';
import { useApiQuery } from '../../app/useApiQuery.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { unitName, unitsApi, type Unit } from '../units/units.api.ts';
import { CATEGORY_KEYS, PRIORITIES, STATUSES } from '../../../../src/modules/intake/intake.taxonomy.ts';
import { intakeApi, QUEUE_LIMIT, queueFilterOf, queueSearch, type QueueEntry, type QueueFilter } from './intake.api.ts';
import { useCategoryText, useIntakeLabel, type LabelGroup } from './intakeLabels.ts';
import { Deadline, FlagBadges, IntakeNav, PriorityBadge, StatusBadge } from './IntakeParts.tsx';

export function IntakeQueuePage() {
  const { t } = useI18n();
  const can = useCan();
  const [filter, setFilter] = useState<QueueFilter>(() => queueFilterOf(window.location.search));
  const queue = useApiQuery(() => intakeApi.queue(filter), [JSON.stringify(filter)]);
  const units = useApiQuery(async () => (can('unit.read') ? unitsApi.list() : []));

  function changeFilter(next: QueueFilter) {
    setFilter(next);
    const search = queueSearch(next).toString();
    window.history.replaceState(null, '', search ? `${PATHS.intake}?${search}` : PATHS.intake);
  }

  return (
    <>
      <PageHeading
        title={t('intake.queue_title')}
        actions={
          <Button variant="default" onClick={queue.reload} loading={queue.isLoading}>
            {t('common.reload')}
          </Button>
        }
      />
      <IntakeNav />
      <Stack gap="md">
        <QueueFilters filter={filter} units={units.data ?? []} onChange={changeFilter} />
        <QueryView query={queue}>{(items) => <QueueResults items={items} units={units.data ?? []} />}</QueryView>
      </Stack>
    </>
  );
}

function QueueFilters({ filter, units, onChange }: { filter: QueueFilter; units: readonly Unit[]; onChange: (filter: QueueFilter) => void }) {
  const { t, language } = useI18n();
  const label = useIntakeLabel();
  const options = (group: LabelGroup, names: readonly string[]) => names.map((name) => ({ value: name, label: label(group, name) }));
  const set = (key: 'unitId' | 'category' | 'priority' | 'status', value: string | null) => {
    const next: QueueFilter = { open: filter.open, overdue: filter.overdue, mine: filter.mine };
    for (const name of ['unitId', 'category', 'priority', 'status'] as const) {
      const chosen = name === key ? value : filter[name];
      if (chosen) next[name] = chosen;
    }
    onChange(next);
  };
  return (
    <Card withBorder component="section" aria-label={t('intake.filters')} padding="sm">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
          <Select
            label={t('intake.unit')}
            placeholder={t('intake.any')}
            data={units.map((unit) => ({ value: unit.id, label: unitName(unit, language) }))}
            value={filter.unitId ?? null}
            onChange={(value) => set('unitId', value)}
            searchable
            clearable
            nothingFoundMessage={t('common.nothing_found')}
          />
          <Select
            label={t('intake.category_label')}
            placeholder={t('intake.any')}
            data={options('category', CATEGORY_KEYS)}
            value={filter.category ?? null}
            onChange={(value) => set('category', value)}
            clearable
          />
          <Select
            label={t('intake.priority_label')}
            placeholder={t('intake.any')}
            data={options('priority', PRIORITIES)}
            value={filter.priority ?? null}
            onChange={(value) => set('priority', value)}
            clearable
          />
          <Select
            label={t('intake.status_label')}
            placeholder={t('intake.any')}
            data={options('status', STATUSES)}
            value={filter.status ?? null}
            onChange={(value) => set('status', value)}
            clearable
          />
        </SimpleGrid>
        <Group gap="lg" wrap="wrap">
          <Switch
            label={t('intake.open_only')}
            checked={filter.open}
            disabled={filter.status !== undefined}
            onChange={(event) => onChange({ ...filter, open: event.currentTarget.checked })}
          />
          <Switch
            label={t('intake.overdue_only')}
            checked={filter.overdue}
            onChange={(event) => onChange({ ...filter, overdue: event.currentTarget.checked })}
          />
          <Switch label={t('intake.mine_only')} checked={filter.mine} onChange={(event) => onChange({ ...filter, mine: event.currentTarget.checked })} />
        </Group>
      </Stack>
    </Card>
  );
}

function QueueResults({ items, units }: { items: readonly QueueEntry[]; units: readonly Unit[] }) {
  const { t, language } = useI18n();
  const unitLabel = (unitId: string | null) => {
    if (!unitId) return t('intake.unassigned');
    const unit = units.find((candidate) => candidate.id === unitId);
    return unit ? unitName(unit, language) : unitId;
  };
  return (
    <Stack gap="xs" aria-live="polite">
      <Text size="sm" data-testid="queue-count">
        {items.length >= QUEUE_LIMIT ? t('intake.queue_count_limited', { count: items.length }) : t('intake.queue_count', { count: items.length })}
      </Text>
      {items.length === 0 ? (
        <Text c="dimmed">{t('intake.queue_empty')}</Text>
      ) : (
        <>
          <QueueCards items={items} unitLabel={unitLabel} />
          <QueueTable items={items} unitLabel={unitLabel} />
        </>
      )}
    </Stack>
  );
}

type RowsProps = { items: readonly QueueEntry[]; unitLabel: (unitId: string | null) => string };

function QueueTable({ items, unitLabel }: RowsProps) {
  const { t } = useI18n();
  const categoryText = useCategoryText();
  return (
    <Table.ScrollContainer minWidth={960} className="queue-table">
      <Table striped highlightOnHover aria-label={t('intake.queue_table_label')} data-testid="queue-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('intake.receipt_no')}</Table.Th>
            <Table.Th>{t('intake.priority_label')}</Table.Th>
            <Table.Th>{t('intake.category_label')}</Table.Th>
            <Table.Th>{t('intake.summary')}</Table.Th>
            <Table.Th>{t('intake.assigned_unit')}</Table.Th>
            <Table.Th>{t('intake.status_label')}</Table.Th>
            <Table.Th>{t('intake.deadline')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.id} data-receipt={item.receiptNo}>
              <Table.Td>
                <Anchor component={Link} href={PATHS.intakeItem(item.id)} className="nowrap" fw={700} size="sm">
                  {item.receiptNo}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <PriorityBadge priority={item.priority} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{categoryText(item.category, item.subcategory)}</Text>
              </Table.Td>
              <Table.Td>
                <Stack gap={4}>
                  <Text size="sm" className="break-anywhere">
                    {item.summary}
                  </Text>
                  <FlagBadges flags={item.flags} />
                </Stack>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{unitLabel(item.assignedUnitId)}</Text>
              </Table.Td>
              <Table.Td>
                <StatusBadge status={item.status} />
              </Table.Td>
              <Table.Td>
                <Deadline deadlineAt={item.deadlineAt} overdue={item.overdue} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function QueueCards({ items, unitLabel }: RowsProps) {
  const { t } = useI18n();
  const categoryText = useCategoryText();
  return (
    <ul className="queue-cards" aria-label={t('intake.queue_table_label')} data-testid="queue-cards">
      {items.map((item) => (
        <li key={item.id} data-receipt={item.receiptNo}>
          <Card withBorder padding="sm">
            <Stack gap={6}>
              <Group justify="space-between" gap="xs" wrap="nowrap">
                <Anchor component={Link} href={PATHS.intakeItem(item.id)} fw={700}>
                  {item.receiptNo}
                </Anchor>
                <Group gap={4} wrap="nowrap">
                  <PriorityBadge priority={item.priority} />
                  <StatusBadge status={item.status} />
                </Group>
              </Group>
              <Text size="sm" className="break-anywhere">
                {item.summary}
              </Text>
              <Text size="xs" c="dimmed">
                {categoryText(item.category, item.subcategory)}
              </Text>
              <FlagBadges flags={item.flags} />
              <Group justify="space-between" gap="xs" wrap="wrap">
                <Text size="xs">{t('intake.assigned_unit_line', { unit: unitLabel(item.assignedUnitId) })}</Text>
                <Deadline deadlineAt={item.deadlineAt} overdue={item.overdue} />
              </Group>
            </Stack>
          </Card>
        </li>
      ))}
    </ul>
  );
}
