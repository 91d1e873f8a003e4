// 事件一覧 (M3.2a): the cases the officer may see (own unit, supporting unit, named member),
// most recently updated first, with filters kept in the URL so the way back from a case lands
// on the same list. A table from Mantine's sm breakpoint up, cards on phones.
import { Anchor, Button, Card, Group, Select, SimpleGrid, Stack, Switch, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { CASE_STATUSES } from '../../../../src/modules/cases/cases.contract.ts';
import { CATEGORY_KEYS } from '../../../../src/modules/intake/intake.taxonomy.ts';
import { Link } from '../../app/router.tsx';
import { PATHS } from '../../app/routes.tsx';
import { QueryView } from '../../app/QueryView.tsx';
import { useCan } from '../../app/session.tsx';
import { useApiQuery } from '../../app/useApiQuery.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { PriorityBadge } from '../intake/IntakeParts.tsx';
import { useIntakeLabel } from '../intake/intakeLabels.ts';
import { formatMinute } from '../intake/intakeTime.ts';
import { unitName, type Unit } from '../units/units.api.ts';
import { useDirectory } from '../users/directory.ts';
import { caseFilterOf, caseSearch, CASES_LIMIT, casesApi, isCaseStatus, type CaseFilter, type CaseListEntry } from './cases.api.ts';
import { useCaseStatusLabel } from './caseLabels.ts';
import { CaseStatusBadge, SensitiveBadge } from './CaseParts.tsx';

export function CasesPage() {
  const { t } = useI18n();
  const can = useCan();
  const [filter, setFilter] = useState<CaseFilter>(() => caseFilterOf(window.location.search));
  const cases = useApiQuery(() => casesApi.list(filter), [JSON.stringify(filter)]);
  const directory = useDirectory('—');

  function changeFilter(next: CaseFilter) {
    setFilter(next);
    const search = caseSearch(next).toString();
    window.history.replaceState(null, '', search ? `${PATHS.cases}?${search}` : PATHS.cases);
  }

  return (
    <>
      <PageHeading
        title={t('cases.list_title')}
        actions={
          <Group gap="sm">
            <Button variant="default" onClick={cases.reload} loading={cases.isLoading}>
              {t('common.reload')}
            </Button>
            {can('case.open') && (
              <Button component={Link} href={PATHS.caseNew}>
                {t('cases.new_button')}
              </Button>
            )}
          </Group>
        }
      />
      <Stack gap="md">
        <CaseFilters filter={filter} units={directory.units} onChange={changeFilter} />
        <QueryView query={cases}>{(items) => <CaseResults items={items} unitLabel={directory.unitLabel} />}</QueryView>
      </Stack>
    </>
  );
}

function CaseFilters({ filter, units, onChange }: { filter: CaseFilter; units: readonly Unit[]; onChange: (filter: CaseFilter) => void }) {
  const { t, language } = useI18n();
  const label = useIntakeLabel();
  const statusLabel = useCaseStatusLabel();
  const set = (key: 'status' | 'unitId' | 'category', value: string | null) => {
    const next: CaseFilter = { mine: filter.mine };
    const status = key === 'status' ? value : (filter.status ?? null);
    if (isCaseStatus(status)) next.status = status;
    const unitId = key === 'unitId' ? value : filter.unitId;
    if (unitId) next.unitId = unitId;
    const category = key === 'category' ? value : filter.category;
    if (category) next.category = category;
    onChange(next);
  };
  return (
    <Card withBorder component="section" aria-label={t('cases.filters')} padding="sm">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
          <Select
            label={t('cases.status_label')}
            placeholder={t('intake.any')}
            data={CASE_STATUSES.map((status) => ({ value: status, label: statusLabel(status) }))}
            value={filter.status ?? null}
            onChange={(value) => set('status', value)}
            clearable
          />
          <Select
            label={t('cases.owner_unit')}
            placeholder={t('intake.any')}
            data={units.filter((unit) => unit.kind !== 'external').map((unit) => ({ value: unit.id, label: unitName(unit, language) }))}
            value={filter.unitId ?? null}
            onChange={(value) => set('unitId', value)}
            searchable
            clearable
            nothingFoundMessage={t('common.nothing_found')}
          />
          <Select
            label={t('intake.category_label')}
            placeholder={t('intake.any')}
            data={CATEGORY_KEYS.map((name) => ({ value: name, label: label('category', name) }))}
            value={filter.category ?? null}
            onChange={(value) => set('category', value)}
            clearable
          />
        </SimpleGrid>
        <Switch label={t('cases.mine_only')} checked={filter.mine} onChange={(event) => onChange({ ...filter, mine: event.currentTarget.checked })} />
      </Stack>
    </Card>
  );
}

type RowsProps = { items: readonly CaseListEntry[]; unitLabel: (unitId: string | null) => string };

function CaseResults({ items, unitLabel }: RowsProps) {
  const { t } = useI18n();
  return (
    <Stack gap="xs" aria-live="polite">
      <Text size="sm" data-testid="case-count">
        {items.length >= CASES_LIMIT ? t('cases.count_limited', { count: items.length }) : t('cases.count', { count: items.length })}
      </Text>
      {items.length === 0 ? (
        <Text c="dimmed" data-testid="cases-empty">
          {t('cases.empty')}
        </Text>
      ) : (
        <>
          <CaseCards items={items} unitLabel={unitLabel} />
          <CaseTable items={items} unitLabel={unitLabel} />
        </>
      )}
    </Stack>
  );
}

function CaseTable({ items, unitLabel }: RowsProps) {
  const { t, language } = useI18n();
  return (
    <Table.ScrollContainer minWidth={900} className="queue-table">
      <Table striped highlightOnHover aria-label={t('cases.table_label')} data-testid="case-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('cases.case_no')}</Table.Th>
            <Table.Th>{t('cases.title_label')}</Table.Th>
            <Table.Th>{t('cases.status_label')}</Table.Th>
            <Table.Th>{t('intake.priority_label')}</Table.Th>
            <Table.Th>{t('cases.owner_unit')}</Table.Th>
            <Table.Th>{t('cases.updated_at')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((entry) => (
            <Table.Tr key={entry.id} data-case-no={entry.caseNo}>
              <Table.Td>
                <Anchor component={Link} href={PATHS.case(entry.id)} className="nowrap" fw={700} size="sm">
                  {entry.caseNo}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Group gap={6} wrap="nowrap" align="flex-start">
                  <Text size="sm" className="break-anywhere">
                    {entry.title}
                  </Text>
                  {entry.sensitive && <SensitiveBadge />}
                </Group>
              </Table.Td>
              <Table.Td>
                <CaseStatusBadge status={entry.status} />
              </Table.Td>
              <Table.Td>
                <PriorityBadge priority={entry.priority} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{unitLabel(entry.ownerUnitId)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="xs" className="nowrap">
                  {formatMinute(language, entry.updatedAt)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function CaseCards({ items, unitLabel }: RowsProps) {
  const { t, language } = useI18n();
  return (
    <ul className="queue-cards" aria-label={t('cases.table_label')} data-testid="case-cards">
      {items.map((entry) => (
        <li key={entry.id} data-case-no={entry.caseNo}>
          <Card withBorder padding="sm">
            <Stack gap={6}>
              <Group justify="space-between" gap="xs" wrap="wrap">
                <Anchor component={Link} href={PATHS.case(entry.id)} fw={700}>
                  {entry.caseNo}
                </Anchor>
                <Group gap={4} wrap="nowrap">
                  {entry.sensitive && <SensitiveBadge />}
                  <PriorityBadge priority={entry.priority} />
                  <CaseStatusBadge status={entry.status} />
                </Group>
              </Group>
              <Text size="sm" className="break-anywhere">
                {entry.title}
              </Text>
              <Group justify="space-between" gap="xs" wrap="wrap">
                <Text size="xs">{t('cases.owner_unit_line', { unit: unitLabel(entry.ownerUnitId) })}</Text>
                <Text size="xs" c="dimmed" className="nowrap">
                  {formatMinute(language, entry.updatedAt)}
                </Text>
              </Group>
            </Stack>
          </Card>
        </li>
      ))}
    </ul>
  );
}
