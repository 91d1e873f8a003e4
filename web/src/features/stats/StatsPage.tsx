// 統計 (M2.1, M3.2): what came in and what became of it over a range of Japanese months — reports
// and consultations by category, kind and month, cases by category, status, unit and month, the
// median times from report to routing, to an officer and to a case, and the damage in yen. The
// same figures download as CSV and as an Excel workbook with Japanese headers.
import { Anchor, Button, Card, Group, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState, type SubmitEvent } from 'react';
import { QueryView } from '../../app/QueryView.tsx';
import { useApiQuery } from '../../app/useApiQuery.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useCaseStatusLabel } from '../cases/caseLabels.ts';
import { useIntakeLabel } from '../intake/intakeLabels.ts';
import { useDirectory } from '../users/directory.ts';
import { defaultRange, durationParts, isValidRange, statsApi, type Stats, type StatsRange } from './stats.api.ts';
import './stats.css';

type Counts = Stats['cases']['byMonth'];

export function StatsPage() {
  const { t, language } = useI18n();
  const [range, setRange] = useState<StatsRange>(() => defaultRange(new Date()));
  const [draft, setDraft] = useState<StatsRange>(range);
  const stats = useApiQuery(() => statsApi.get(range), [range.from, range.to]);
  const isDraftValid = isValidRange(draft);

  function submit(event: SubmitEvent) {
    event.preventDefault();
    if (isDraftValid) setRange(draft);
  }

  return (
    <>
      <PageHeading
        title={t('stats.title')}
        actions={
          <Group gap="xs">
            <Button component="a" href={statsApi.csvHref(range)} variant="default" size="sm" download data-testid="stats-csv">
              {t('stats.download_csv')}
            </Button>
            <Button component="a" href={statsApi.xlsxHref(range, language)} variant="default" size="sm" download data-testid="stats-xlsx">
              {t('stats.download_xlsx')}
            </Button>
          </Group>
        }
      />
      <Stack gap="lg">
        <Card withBorder padding="sm">
          <form onSubmit={submit} aria-label={t('stats.range_label')}>
            <Group align="flex-end" gap="sm" wrap="wrap">
              <TextInput type="month" label={t('stats.from')} value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.currentTarget.value })} />
              <TextInput type="month" label={t('stats.to')} value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.currentTarget.value })} />
              <Button type="submit" disabled={!isDraftValid}>
                {t('stats.show')}
              </Button>
              {!isDraftValid && (
                <Text size="sm" c="red" role="alert">
                  {t('stats.range_invalid')}
                </Text>
              )}
            </Group>
          </form>
        </Card>
        <QueryView query={stats}>{(found) => <StatsBody stats={found} />}</QueryView>
      </Stack>
    </>
  );
}

function StatsBody({ stats }: { stats: Stats }) {
  const { t, language } = useI18n();
  const label = useIntakeLabel();
  const statusLabel = useCaseStatusLabel();
  const directory = useDirectory('—');
  const number = new Intl.NumberFormat(language === 'ja' ? 'ja-JP' : 'en-GB');
  const yen = new Intl.NumberFormat(language === 'ja' ? 'ja-JP' : 'en-GB', { style: 'currency', currency: 'JPY' });
  const duration = (minutes: number | null) => {
    const parts = durationParts(minutes);
    return parts ? t('stats.duration', parts) : '—';
  };
  return (
    <Stack gap="lg" data-testid="stats-body">
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm">
        <Figure label={t('stats.intake_total')} value={number.format(stats.intake.total)} testId="stats-intake-total" />
        <Figure label={t('stats.cases_total')} value={number.format(stats.cases.total)} testId="stats-cases-total" />
        <Figure label={t('stats.damage')} value={yen.format(stats.cases.damageYen)} />
        <Figure label={t('stats.to_routing')} value={duration(stats.intake.medianMinutesToRouting)} />
        <Figure label={t('stats.to_handoff')} value={duration(stats.intake.medianMinutesToHandOff)} />
        <Figure label={t('stats.to_case')} value={duration(stats.intake.medianMinutesToCase)} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Breakdown title={t('stats.intake_by_category')} counts={stats.intake.byCategory} labelOf={(key) => label('category', key)} />
        <Breakdown title={t('stats.intake_by_month')} counts={stats.intake.byMonth} labelOf={(key) => key} />
        <Breakdown title={t('stats.intake_by_kind')} counts={stats.intake.byKind} labelOf={(key) => label('kind', key)} />
        <Breakdown title={t('stats.intake_by_priority')} counts={stats.intake.byPriority} labelOf={(key) => label('priority', key)} />
        <Breakdown title={t('stats.cases_by_category')} counts={stats.cases.byCategory} labelOf={(key) => label('category', key)} />
        <Breakdown title={t('stats.cases_by_status')} counts={stats.cases.byStatus} labelOf={statusLabel} />
        <Breakdown title={t('stats.cases_by_unit')} counts={stats.cases.byUnit} labelOf={(key) => directory.unitLabel(key)} />
        <Breakdown title={t('stats.cases_by_month')} counts={stats.cases.byMonth} labelOf={(key) => key} />
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        {t('stats.note', { from: stats.from, to: stats.to })}{' '}
        <Anchor href="/threats/ransomware" size="xs">
          {t('stats.ransomware_link')}
        </Anchor>
      </Text>
    </Stack>
  );
}

function Figure({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <Card withBorder padding="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="lg" fw={700} data-testid={testId}>
        {value}
      </Text>
    </Card>
  );
}

/** A count table with a bar per row, so the shape shows at a glance and the figures stay readable. */
function Breakdown({ title, counts, labelOf }: { title: string; counts: Counts; labelOf: (key: string) => string }) {
  const { t, language } = useI18n();
  const number = new Intl.NumberFormat(language === 'ja' ? 'ja-JP' : 'en-GB');
  const max = Math.max(1, ...counts.map((c) => c.count));
  return (
    <Card withBorder component="section" aria-label={title}>
      <Title order={2} size="h5" mb="xs">
        {title}
      </Title>
      {counts.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('stats.none')}
        </Text>
      ) : (
        <Table striped={false} verticalSpacing={4} className="stats-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('stats.item')}</Table.Th>
              <Table.Th className="stats-count">{t('stats.count')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {counts.map((c) => (
              <Table.Tr key={c.key}>
                <Table.Td>
                  <Text size="sm" className="break-anywhere">
                    {labelOf(c.key)}
                  </Text>
                  <div className="stats-bar" style={{ width: `${(c.count / max) * 100}%` }} aria-hidden="true" />
                </Table.Td>
                <Table.Td className="stats-count">{number.format(c.count)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}
