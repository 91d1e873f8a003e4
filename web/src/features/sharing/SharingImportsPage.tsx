// 取込 (M3.2c): upload a STIX, MISP or CSV file (sharing.exchange), and the record of every import
// however it came (upload, TAXII poll or push, the koban command): who, what, and how it went.
import { Anchor, Stack, Table, Text } from '@mantine/core';
import { PATHS } from '../../app/routes.tsx';
import { Link } from '../../app/router.tsx';
import { QueryView } from '../../app/QueryView.tsx';
import { useCan } from '../../app/session.tsx';
import { useApiQuery } from '../../app/useApiQuery.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { TlpBadge, isTlp } from '../../components/TlpBadge.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { Section } from '../intake/IntakeParts.tsx';
import { formatMinute } from '../intake/intakeTime.ts';
import { ImportForm } from './ImportForm.tsx';
import { sharingApi, type ImportBatch } from './sharing.api.ts';
import { BatchStatusBadge, ImportCountsLine, SharingNav } from './SharingParts.tsx';
import { useSharingLabel } from './sharingLabels.ts';

export function SharingImportsPage() {
  const { t } = useI18n();
  const can = useCan();
  const batches = useApiQuery(() => sharingApi.imports());
  return (
    <>
      <PageHeading title={t('sharing.imports_title')} />
      <SharingNav />
      <Stack gap="xl">
        {can('sharing.exchange') && (
          <Section id="sharing-import-new-title" title={t('sharing.import_new_title')} testId="sharing-import-new">
            <ImportForm onImported={batches.reload} />
          </Section>
        )}
        <Section id="sharing-batches-title" title={t('sharing.batches_title')} testId="sharing-batches">
          <QueryView query={batches}>{(items) => <BatchTable items={items} />}</QueryView>
        </Section>
      </Stack>
    </>
  );
}

function BatchTable({ items }: { items: readonly ImportBatch[] }) {
  const { t, language } = useI18n();
  const label = useSharingLabel();
  if (items.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('sharing.no_batches')}
      </Text>
    );
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped highlightOnHover aria-label={t('sharing.batches_title')} data-testid="sharing-batch-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('sharing.batch_started')}</Table.Th>
            <Table.Th>{t('sharing.batch_kind_label')}</Table.Th>
            <Table.Th>{t('sharing.batch_source')}</Table.Th>
            <Table.Th>{t('sharing.batch_actor')}</Table.Th>
            <Table.Th>{t('sharing.batch_default_tlp')}</Table.Th>
            <Table.Th>{t('sharing.batch_result')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((batch) => (
            <Table.Tr key={batch.id} data-batch-id={batch.id}>
              <Table.Td>
                <Anchor component={Link} href={PATHS.sharingImport(batch.id)} size="xs" className="nowrap">
                  {formatMinute(language, batch.startedAt)}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm" className="nowrap">
                  {label('batch_kind', batch.kind)}
                </Text>
              </Table.Td>
              <Table.Td maw={280}>
                <Text size="xs" ff="monospace" className="break-anywhere" lineClamp={2}>
                  {batch.source}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" className="break-anywhere">
                  {batch.actorLabel}
                </Text>
                <Text size="xs" c="dimmed" className="nowrap">
                  {label('actor_kind', batch.actorKind)}
                </Text>
              </Table.Td>
              <Table.Td>{isTlp(batch.defaultTlp) ? <TlpBadge level={batch.defaultTlp} size="sm" /> : batch.defaultTlp}</Table.Td>
              <Table.Td>
                <Stack gap={4}>
                  <BatchStatusBadge status={batch.status} />
                  <ImportCountsLine counts={batch} />
                </Stack>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
