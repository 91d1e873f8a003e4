// One observable: its canonical value, type and warning list, attributes, offline enrichment
// (country/AS with the data's date, bank and branch, phone line), where it was seen and what it
// is related to. Sightings in sources the user may not open show only the owning unit.
import { Anchor, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { PageProps } from '../../app/routes.tsx';
import { PATHS } from '../../app/routes.tsx';
import { Link } from '../../app/router.tsx';
import { QueryView } from '../../app/QueryView.tsx';
import { useCan } from '../../app/session.tsx';
import { useApiQuery } from '../../app/useApiQuery.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { formatDateTime, useI18n } from '../../i18n/i18n.tsx';
import { NotFoundPage } from '../errors/NotFoundPage.tsx';
import { unitName, unitsApi, type Unit } from '../units/units.api.ts';
import { countryName, useObservableLabels } from './observableLabels.ts';
import { observablesApi, parseObservableId, type ObservableDetail, type Sighting } from './observables.api.ts';
import { ObservableMarking } from './ObservableMarking.tsx';
import { CopyableValue, ObservablesNav, ObservableValue, WarningBadge } from './ObservableParts.tsx';

export function ObservableDetailPage({ params }: PageProps) {
  const observableId = parseObservableId(params.observableId);
  if (observableId === null) return <NotFoundPage />;
  return <ObservableDetailView observableId={observableId} />;
}

function ObservableDetailView({ observableId }: { observableId: number }) {
  const { t } = useI18n();
  const can = useCan();
  const detail = useApiQuery(() => observablesApi.get(observableId), [observableId]);
  const units = useApiQuery(async () => (can('unit.read') ? unitsApi.list() : []));

  if (detail.error?.status === 404) return <NotFoundPage />;
  return (
    <>
      <PageHeading title={t('observables.detail_title')} />
      <ObservablesNav />
      <QueryView query={detail}>{(observable) => <DetailBody observable={observable} units={units.data ?? []} onChanged={detail.replace} />}</QueryView>
    </>
  );
}

function DetailBody({ observable, units, onChanged }: { observable: ObservableDetail; units: readonly Unit[]; onChanged: (detail: ObservableDetail) => void }) {
  const { t, language } = useI18n();
  const labels = useObservableLabels();
  const attributes = Object.entries(observable.attributes).filter(([key]) => key !== 'hash');

  return (
    <Stack gap="lg">
      <Card withBorder component="section" aria-labelledby="observable-value-title" data-testid="observable-summary">
        <Stack gap="sm">
          <Group gap="xs" wrap="wrap">
            <Title order={2} size="h4" id="observable-value-title" data-testid="observable-type">
              {labels.type(observable.type)}
            </Title>
            <WarningBadge warning={observable.warning} />
          </Group>
          <CopyableValue value={observable.value} size="lg" testId="observable-value" />
          {observable.warning && (
            <Text size="sm" c="orange.9">
              {t('observables.warning_note', { list: labels.warning(observable.warning) })}
            </Text>
          )}
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
            <Fact label={t('observables.first_seen')}>{formatDateTime(language, observable.firstSeenAt)}</Fact>
            <Fact label={t('observables.last_seen')}>{formatDateTime(language, observable.lastSeenAt)}</Fact>
          </SimpleGrid>
        </Stack>
      </Card>

      <Section id="observable-marking-title" title={t('observables.tlp_title')}>
        <ObservableMarking observable={observable} onChanged={onChanged} />
      </Section>

      {attributes.length > 0 && (
        <Section id="observable-attributes-title" title={t('observables.attributes_title')}>
          <KeyValueTable
            label={t('observables.attributes_title')}
            rows={attributes.map(([key, value]) => ({ key, label: labels.attribute(key), value }))}
            testId="attributes-table"
          />
        </Section>
      )}

      <Section id="observable-enrichment-title" title={t('observables.enrichment_title')}>
        <EnrichmentTable observable={observable} />
      </Section>

      <Section id="observable-sightings-title" title={t('observables.sightings_title')}>
        <SightingsTable sightings={observable.sightings} units={units} />
      </Section>

      <Section id="observable-related-title" title={t('observables.related_title')}>
        {observable.related.length === 0 ? (
          <Text c="dimmed">{t('observables.related_none')}</Text>
        ) : (
          <ul className="related-list" data-testid="related-list">
            {observable.related.map((item) => (
              <li key={item.id}>
                <Group gap="xs" wrap="wrap">
                  <Text size="sm" c="dimmed">
                    {labels.type(item.type)}
                  </Text>
                  <Anchor component={Link} href={PATHS.observable(item.id)} className="observable-value" size="sm" ff="monospace" translate="no">
                    {item.value}
                  </Anchor>
                  <WarningBadge warning={item.warning} />
                </Group>
              </li>
            ))}
          </ul>
        )}
      </Section>
    </Stack>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="xs">
        {title}
      </Title>
      {children}
    </section>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </div>
  );
}

type Row = { key: string; label: string; value: ReactNode };

function KeyValueTable({ label, rows, testId }: { label: string; rows: readonly Row[]; testId: string }) {
  return (
    <Table withTableBorder variant="vertical" aria-label={label} data-testid={testId} layout="fixed">
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.key} data-key={row.key}>
            <Table.Th w="38%" scope="row">
              {row.label}
            </Table.Th>
            <Table.Td className="break-anywhere">{row.value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Which enrichment key carries the date of the data another key comes from. */
const DATA_DATE_OF: Readonly<Record<string, string>> = { country: 'geoDataDate', asn: 'asnDataDate' };

function EnrichmentTable({ observable }: { observable: ObservableDetail }) {
  const { t, language } = useI18n();
  const labels = useObservableLabels();
  const { enrichment } = observable;
  const shownDates = new Set<string>();
  const rows: Row[] = [];
  for (const [key, value] of Object.entries(enrichment)) {
    if (Object.values(DATA_DATE_OF).includes(key) || key === 'asOrg') continue;
    const dateKey = DATA_DATE_OF[key];
    const date = dateKey ? enrichment[dateKey] : undefined;
    if (dateKey && date) shownDates.add(dateKey);
    const text = key === 'country' ? countryName(language, value) : key === 'lineType' ? labels.lineType(value) : value;
    rows.push({
      key,
      label: labels.enrichment(key),
      value: (
        <>
          <Text size="sm" component="span">
            {text}
          </Text>
          {date && (
            <Text size="xs" c="dimmed" component="span" ml="xs" className="data-date">
              {t('observables.data_date', { date })}
            </Text>
          )}
        </>
      ),
    });
  }
  const asOrg = enrichment.asOrg;
  if (asOrg) {
    const asnRow = rows.findIndex((row) => row.key === 'asn');
    rows.splice(asnRow >= 0 ? asnRow + 1 : rows.length, 0, { key: 'asOrg', label: labels.enrichment('asOrg'), value: asOrg });
  }
  for (const dateKey of new Set(Object.values(DATA_DATE_OF))) {
    const date = enrichment[dateKey];
    if (date && !shownDates.has(dateKey)) rows.push({ key: dateKey, label: labels.enrichment(dateKey), value: t('observables.data_date', { date }) });
  }
  if (rows.length === 0) return <Text c="dimmed">{t('observables.enrichment_none')}</Text>;
  return <KeyValueTable label={t('observables.enrichment_title')} rows={rows} testId="enrichment-table" />;
}

function SightingsTable({ sightings, units }: { sightings: readonly Sighting[]; units: readonly Unit[] }) {
  const { t, language } = useI18n();
  const labels = useObservableLabels();
  const unitLabel = (unitId: string | null) => {
    if (!unitId) return t('observables.unit_none');
    const unit = units.find((item) => item.id === unitId);
    return unit ? unitName(unit, language) : unitId;
  };
  if (sightings.length === 0) return <Text c="dimmed">{t('observables.sightings_none')}</Text>;
  const keyOf = (sighting: Sighting, index: number) => `${sighting.sourceType}-${sighting.sourceId ?? 'restricted'}-${sighting.seenAt}-${String(index)}`;
  const sourceOf = (sighting: Sighting) =>
    sighting.restricted || sighting.sourceId === null ? (
      <Text size="sm" c="dimmed" data-testid="restricted-sighting">
        {t('observables.restricted_sighting', { unit: unitLabel(sighting.ownerUnitId) })}
      </Text>
    ) : (
      <ObservableValue value={sighting.sourceId} />
    );
  return (
    <>
      <ul className="sighting-list" aria-label={t('observables.sightings_title')} data-testid="sightings-list">
        {sightings.map((sighting, index) => (
          <li key={keyOf(sighting, index)}>
            <Text size="xs" c="dimmed">
              {formatDateTime(language, sighting.seenAt)} · {labels.sourceType(sighting.sourceType)}
            </Text>
            {sourceOf(sighting)}
            <Text size="xs">{t('observables.owner_unit_line', { unit: unitLabel(sighting.ownerUnitId) })}</Text>
          </li>
        ))}
      </ul>
      <SightingsGrid sightings={sightings} keyOf={keyOf} sourceOf={sourceOf} unitLabel={unitLabel} />
    </>
  );
}

function SightingsGrid({
  sightings,
  keyOf,
  sourceOf,
  unitLabel,
}: {
  sightings: readonly Sighting[];
  keyOf: (sighting: Sighting, index: number) => string;
  sourceOf: (sighting: Sighting) => ReactNode;
  unitLabel: (unitId: string | null) => string;
}) {
  const { t, language } = useI18n();
  const labels = useObservableLabels();
  return (
    <Table.ScrollContainer minWidth={560} className="sighting-table">
      <Table striped aria-label={t('observables.sightings_title')} data-testid="sightings-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('observables.seen_at')}</Table.Th>
            <Table.Th>{t('observables.source_type')}</Table.Th>
            <Table.Th>{t('observables.source_id')}</Table.Th>
            <Table.Th>{t('observables.owner_unit')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sightings.map((sighting, index) => (
            <Table.Tr key={keyOf(sighting, index)}>
              <Table.Td>
                <Text size="xs">{formatDateTime(language, sighting.seenAt)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{labels.sourceType(sighting.sourceType)}</Text>
              </Table.Td>
              <Table.Td>{sourceOf(sighting)}</Table.Td>
              <Table.Td>
                <Text size="sm">{unitLabel(sighting.ownerUnitId)}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
