// One import: where it came from, who ran it, the TLP it gave unmarked objects, its counts, and
// each refused object with its reason (the first 200 the server keeps).
import { Alert, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { PageProps } from '../../app/routes.tsx';
import { PATHS } from '../../app/routes.tsx';
import { Link } from '../../app/router.tsx';
import { QueryView } from '../../app/QueryView.tsx';
import { useApiQuery } from '../../app/useApiQuery.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { isTlp, TlpBadge } from '../../components/TlpBadge.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { NotFoundPage } from '../errors/NotFoundPage.tsx';
import { Fact, Section } from '../intake/IntakeParts.tsx';
import { formatMinute } from '../intake/intakeTime.ts';
import { sharingApi, type ImportBatchDetail } from './sharing.api.ts';
import { BatchStatusBadge, ImportCountsGrid, ImportProblemsTable, SharingNav } from './SharingParts.tsx';
import { useSharingLabel } from './sharingLabels.ts';

export function SharingImportPage({ params }: PageProps) {
  const batchId = params.batchId ?? '';
  const { t } = useI18n();
  const batch = useApiQuery(() => sharingApi.importBatch(batchId), [batchId]);
  if (batch.error?.status === 404) return <NotFoundPage />;
  return (
    <>
      <PageHeading
        title={t('sharing.batch_title')}
        actions={
          <Button component={Link} href={PATHS.sharingImports} variant="default" size="sm">
            {t('sharing.back_to_imports')}
          </Button>
        }
      />
      <SharingNav />
      <QueryView query={batch}>{(found) => <BatchBody batch={found} />}</QueryView>
    </>
  );
}

function BatchBody({ batch }: { batch: ImportBatchDetail }) {
  const { t, language } = useI18n();
  const label = useSharingLabel();
  return (
    <Stack gap="xl">
      <Card withBorder component="section" aria-labelledby="sharing-batch-summary-title" data-testid="sharing-batch-summary">
        <Stack gap="sm">
          <Group gap="xs" wrap="wrap">
            <Title order={2} size="h4" id="sharing-batch-summary-title">
              {label('batch_kind', batch.kind)}
            </Title>
            <BatchStatusBadge status={batch.status} />
          </Group>
          <Text size="sm" ff="monospace" className="break-anywhere">
            {batch.source}
          </Text>
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="xs">
            <Fact label={t('sharing.batch_actor')}>{t('sharing.actor_line', { name: batch.actorLabel, kind: label('actor_kind', batch.actorKind) })}</Fact>
            <Fact label={t('sharing.batch_default_tlp')}>{isTlp(batch.defaultTlp) ? <TlpBadge level={batch.defaultTlp} size="sm" /> : batch.defaultTlp}</Fact>
            <Fact label={t('sharing.batch_started')}>{formatMinute(language, batch.startedAt)}</Fact>
            {batch.finishedAt === null ? (
              <Fact label={t('sharing.batch_updated')}>{formatMinute(language, batch.updatedAt ?? batch.startedAt)}</Fact>
            ) : (
              <Fact label={t('sharing.batch_finished')}>{formatMinute(language, batch.finishedAt)}</Fact>
            )}
          </SimpleGrid>
          <ImportCountsGrid counts={batch} testId="batch-counts" />
          {batch.status === 'running' && (
            <Text size="sm" c="dimmed" data-testid="batch-running-note">
              {t('sharing.batch_running_note')}
            </Text>
          )}
          {batch.status === 'interrupted' && (
            <Alert color="orange" variant="light" data-testid="batch-interrupted-note">
              {t('sharing.batch_interrupted_note')}
            </Alert>
          )}
        </Stack>
      </Card>
      <Section id="sharing-batch-problems-title" title={t('sharing.problems_title')} testId="sharing-batch-problems">
        <ImportProblemsTable problems={batch.problems} total={batch.refused} />
      </Section>
    </Stack>
  );
}
