// The ransomware view (M2.2a), in the shape of NPA's half-year reports: counts of ransomware cases
// by victim industry and size, infection route, extortion method, backup, recovery, family and
// Japanese month, over a period of months. Aggregates only; no case is named.
import { Button, Group, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { lazy, Suspense, useState, type SubmitEvent } from 'react';
import { QueryView } from '../../app/QueryView.tsx';
import { useApiQuery } from '../../app/useApiQuery.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useI18n, type MessageKey } from '../../i18n/i18n.tsx';
import { Section } from '../intake/IntakeParts.tsx';
import { useIntakeLabel } from '../intake/intakeLabels.ts';
import { threatsApi, type RansomwareSummary } from './threats.api.ts';
import { useThreatLabel } from './threatLabels.ts';
import { ThreatsNav } from './ThreatParts.tsx';

const RansomwareChart = lazy(() => import('./RansomwareChart.tsx').then((m) => ({ default: m.RansomwareChart })));

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The current half year in Japan (1–6 or 7–12), as NPA reports it. */
function currentHalfYear(): { from: string; to: string } {
  const tokyo = new Date(Date.now() + 9 * 3_600_000);
  const year = tokyo.getUTCFullYear();
  return tokyo.getUTCMonth() < 6 ? { from: `${year}-01`, to: `${year}-06` } : { from: `${year}-07`, to: `${year}-12` };
}

export function RansomwarePage() {
  const { t } = useI18n();
  const [period, setPeriod] = useState(currentHalfYear);
  const [draft, setDraft] = useState(period);
  const summary = useApiQuery(() => threatsApi.ransomwareSummary(period.from, period.to), [period.from, period.to]);
  const isValid = MONTH.test(draft.from) && MONTH.test(draft.to);

  function submit(event: SubmitEvent) {
    event.preventDefault();
    if (isValid) setPeriod(draft);
  }

  return (
    <>
      <PageHeading title={t('threats.ransomware_title')} />
      <ThreatsNav />
      <Stack gap="lg">
        <form onSubmit={submit} noValidate>
          <Group gap="sm" align="flex-end" wrap="wrap">
            <TextInput
              label={t('threats.period_from')}
              placeholder="2026-01"
              value={draft.from}
              onChange={(e) => setDraft({ ...draft, from: e.currentTarget.value })}
              w={140}
            />
            <TextInput
              label={t('threats.period_to')}
              placeholder="2026-06"
              value={draft.to}
              onChange={(e) => setDraft({ ...draft, to: e.currentTarget.value })}
              w={140}
            />
            <Button type="submit" variant="default" disabled={!isValid}>
              {t('threats.show')}
            </Button>
          </Group>
          <Text size="xs" c="dimmed" mt={4}>
            {t('threats.period_hint')}
          </Text>
        </form>
        <QueryView query={summary}>{(found) => <SummaryView summary={found} />}</QueryView>
      </Stack>
    </>
  );
}

type Row = { key: string; label: string; count: number };

function SummaryView({ summary }: { summary: RansomwareSummary }) {
  const { t } = useI18n();
  const intakeLabel = useIntakeLabel();
  const label = useThreatLabel();
  const bucket = (name: string, otherwise: string) => (name === 'not_recorded' || name === 'unknown' ? label('bucket', name) : otherwise);
  const breakdowns: { id: string; title: MessageKey; rows: Row[] }[] = [
    { id: 'industry', title: 'threats.by_industry', rows: summary.byIndustry.map((c) => ({ ...c, label: bucket(c.key, intakeLabel('industry', c.key)) })) },
    { id: 'org-size', title: 'threats.by_org_size', rows: summary.byOrgSize.map((c) => ({ ...c, label: bucket(c.key, intakeLabel('org_size', c.key)) })) },
    {
      id: 'route',
      title: 'threats.by_route',
      rows: summary.byRoute.map((c) => ({ ...c, label: c.key === 'not_recorded' ? label('bucket', c.key) : intakeLabel('vector', c.key) })),
    },
    { id: 'method', title: 'threats.by_method', rows: summary.byMethod.map((c) => ({ ...c, label: bucket(c.key, label('method', c.key)) })) },
    {
      id: 'family',
      title: 'threats.by_family',
      rows: summary.byFamily.map((c) => ({ ...c, label: c.key === 'unattributed' ? label('bucket', c.key) : c.name })),
    },
    { id: 'backup', title: 'threats.by_backup', rows: summary.byBackup.map((c) => ({ ...c, label: bucket(c.key, label('backup', c.key)) })) },
    {
      id: 'recovery-period',
      title: 'threats.by_recovery_period',
      rows: summary.byRecoveryPeriod.map((c) => ({ ...c, label: bucket(c.key, label('recovery_period', c.key)) })),
    },
    {
      id: 'recovery-cost',
      title: 'threats.by_recovery_cost',
      rows: summary.byRecoveryCost.map((c) => ({ ...c, label: bucket(c.key, label('recovery_cost', c.key)) })),
    },
    { id: 'month', title: 'threats.by_month', rows: summary.byMonth.map((c) => ({ ...c, label: c.key })) },
  ];
  return (
    <Stack gap="lg">
      <Text size="sm" data-testid="ransomware-totals">
        {t('threats.totals', {
          total: summary.total,
          profiled: summary.profiled,
          doubleExtortion: summary.doubleExtortion,
          ransomDemanded: summary.ransomDemanded,
        })}
      </Text>
      {summary.total === 0 ? (
        <Text size="sm" c="dimmed">
          {t('threats.no_ransomware_cases')}
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          {breakdowns.map((breakdown) => (
            <Breakdown key={breakdown.id} id={breakdown.id} title={t(breakdown.title)} rows={breakdown.rows} />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}

function Breakdown({ id, title, rows }: { id: string; title: string; rows: Row[] }) {
  const { t } = useI18n();
  return (
    <Section id={`ransomware-${id}-title`} title={title} testId={`ransomware-${id}`}>
      <Stack gap="xs">
        <Table striped aria-label={title}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('threats.item')}</Table.Th>
              <Table.Th ta="right">{t('threats.count')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.key} data-key={row.key}>
                <Table.Td>{row.label}</Table.Td>
                <Table.Td ta="right">{row.count}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Suspense fallback={null}>
          <RansomwareChart bars={rows} title={title} />
        </Suspense>
      </Stack>
    </Section>
  );
}
