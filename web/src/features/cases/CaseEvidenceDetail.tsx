// One evidence item in a dialog (full screen on phones): its facts and full SHA-256, the file and
// the custody record (PDF) as downloads, the actions on it, its analysis requests and the custody
// log. Each download is logged by the server, so the item is read again shortly after one.
import { Alert, Button, Center, Group, Loader, Modal, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useApiQuery } from '../../app/useApiQuery.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { Fact } from '../intake/IntakeParts.tsx';
import { formatMinute } from '../intake/intakeTime.ts';
import type { CasePartProps } from './CaseParts.tsx';
import { CaseEvidenceActions } from './CaseEvidenceActions.tsx';
import { CustodyLog } from './CaseEvidenceCustody.tsx';
import { AnalysisAnswer, AnalysisFacts, AnalysisStatusBadge, EvidenceKindBadge, EvidenceStatusBadge, HashView, IntegrityBadge } from './CaseEvidenceParts.tsx';
import { evidenceApi, evidencePaths, formatBytes, integrityAlertOf, type EvidenceDetail } from './evidence.api.ts';

const RELOAD_AFTER_DOWNLOAD_MS = 1500;

type Props = CasePartProps & { evidenceId: string; onClose: () => void; onItemChanged: () => void };

export function CaseEvidenceDetailModal({ detail: caseDetail, directory, evidenceId, onClose, onItemChanged }: Props) {
  const { t } = useI18n();
  const isPhone = useMediaQuery('(max-width: 48em)');
  const item = useApiQuery(() => evidenceApi.get(caseDetail.id, evidenceId), [caseDetail.id, evidenceId]);
  const changed = (next: EvidenceDetail) => {
    item.replace(next);
    onItemChanged();
  };
  const title = item.data ? t('evidence.detail_title', { evidenceNo: item.data.evidenceNo }) : t('common.loading');
  return (
    <Modal opened onClose={onClose} title={title} size={1040} fullScreen={isPhone} data-testid="evidence-detail">
      {item.data ? (
        <Stack gap="md" data-testid="evidence-detail-body" data-evidence-id={item.data.id}>
          <ItemFacts item={item.data} personLabel={directory.personLabel} />
          <Downloads item={item.data} onDownloaded={() => window.setTimeout(item.reload, RELOAD_AFTER_DOWNLOAD_MS)} />
          <CaseEvidenceActions item={item.data} caseDetail={caseDetail} directory={directory} onChanged={changed} />
          <AnalysisRequests item={item.data} directory={directory} />
          <CustodyLog item={item.data} personLabel={directory.personLabel} />
        </Stack>
      ) : item.error ? (
        <ErrorMessage error={item.error} />
      ) : (
        <Center py="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      )}
    </Modal>
  );
}

function ItemFacts({ item, personLabel }: { item: EvidenceDetail; personLabel: (userId: string | null) => string }) {
  const { t, language } = useI18n();
  const alert = integrityAlertOf(item);
  return (
    <Stack gap="sm">
      <Group gap={6} wrap="wrap">
        <EvidenceKindBadge kind={item.kind} />
        <EvidenceStatusBadge status={item.status} />
        <IntegrityBadge item={item} />
      </Group>
      <Title order={3} size="h4" className="break-anywhere" data-testid="evidence-detail-title">
        {item.title}
      </Title>
      {alert === 'mismatch' && (
        <Alert color="red" variant="filled" title={t('evidence.hash_mismatch')} data-testid="evidence-mismatch-alert">
          <Text size="sm" fw={700}>
            {t(`evidence.integrity.${item.integrity === 'missing' ? 'missing' : 'altered'}`)}
          </Text>
          <Text size="sm">{t('evidence.hash_mismatch_hint')}</Text>
        </Alert>
      )}
      {alert === 'past_mismatch' && (
        <Alert color="orange" variant="light" title={t('evidence.past_mismatch')}>
          {t('evidence.past_mismatch_hint', { at: formatMinute(language, item.integrityFailedAt) })}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
        <Fact label={t('evidence.holder')}>{personLabel(item.holderId)}</Fact>
        <Fact label={t('evidence.storage_location')}>
          <span data-testid="evidence-detail-location">{item.storageLocation || t('evidence.no_location')}</span>
        </Fact>
        <Fact label={t('evidence.collected_at')}>{formatMinute(language, item.collectedAt)}</Fact>
        <Fact label={t('evidence.collected_by')}>{personLabel(item.collectedBy)}</Fact>
        <Fact label={t('evidence.collected_from')}>{item.collectedFrom || '—'}</Fact>
        {item.fileName && (
          <Fact label={t('evidence.file_name')}>
            {item.fileName} ({formatBytes(language, item.size)})
          </Fact>
        )}
      </SimpleGrid>
      {item.sha256 && (
        <Fact label={t('evidence.sha256')}>
          <HashView sha256={item.sha256} isFull />
        </Fact>
      )}
      <Fact label={t('evidence.field_description')}>
        {item.description ? (
          <span className="reporter-text">{item.description}</span>
        ) : (
          <Text span size="sm" c="dimmed">
            {t('evidence.no_description')}
          </Text>
        )}
      </Fact>
    </Stack>
  );
}

function Downloads({ item, onDownloaded }: { item: EvidenceDetail; onDownloaded: () => void }) {
  const { t, language } = useI18n();
  return (
    <Stack gap={4}>
      <Group gap="xs" wrap="wrap">
        {item.fileName && (
          <Button
            component="a"
            href={evidencePaths.file(item.caseId, item.id)}
            variant="default"
            size="sm"
            onClick={onDownloaded}
            data-testid="evidence-download"
          >
            {t('evidence.download')}
          </Button>
        )}
        <Button component="a" href={evidencePaths.custodyPdf(item.caseId, item.id, language)} variant="default" size="sm" data-testid="evidence-custody-pdf">
          {t('evidence.custody_pdf')}
        </Button>
      </Group>
      {item.fileName && (
        <Text size="xs" c="dimmed">
          {t('evidence.download_hint')}
        </Text>
      )}
    </Stack>
  );
}

function AnalysisRequests({ item, directory }: { item: EvidenceDetail; directory: CasePartProps['directory'] }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="evidence-analysis-title" data-testid="evidence-analysis">
      <Title order={3} size="h5" id="evidence-analysis-title" mb="xs">
        {t('evidence.analysis_title')}
      </Title>
      {item.analysisRequests.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('evidence.analysis_none')}
        </Text>
      ) : (
        <ul className="plain-list note-list">
          {item.analysisRequests.map((request) => (
            <li key={request.id} data-analysis-id={request.id} data-status={request.status}>
              <Stack gap={4}>
                <Group gap={6} wrap="wrap">
                  <AnalysisStatusBadge status={request.status} />
                  <Text size="xs" c="dimmed">
                    {t('analysis.to_unit', { unit: directory.unitLabel(request.toUnitId) })}
                  </Text>
                </Group>
                <AnalysisFacts request={request} directory={directory} />
                <Text size="sm" className="reporter-text" data-testid="analysis-question">
                  {request.question}
                </Text>
                <AnalysisAnswer request={request} directory={directory} />
              </Stack>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
