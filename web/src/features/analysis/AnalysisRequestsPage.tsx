// 解析依頼 (M1.4), the forensic unit's page: requests addressed to the viewer's unit, open ones
// first (期限超過 at the top), each with the evidence file to download (the download goes into the
// item's custody log) and accept / decline / answer. The unit sees the item, not the case.
import { Stack, Text } from '@mantine/core';
import { QueryView } from '../../app/QueryView.tsx';
import { useSession } from '../../app/session.tsx';
import { useApiQuery } from '../../app/useApiQuery.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useDirectory } from '../users/directory.ts';
import { analysisApi, compareAnalysisRequests, isAnalysisOpen } from './analysis.api.ts';
import { AnalysisRequestCard } from './AnalysisRequestCard.tsx';
import '../cases/evidence.css';
import '../intake/intake.css';

export function AnalysisRequestsPage() {
  const { t } = useI18n();
  const session = useSession();
  const directory = useDirectory('—');
  const requests = useApiQuery(() => analysisApi.listAll(), []);
  const unitId = session.user.unitId;

  return (
    <>
      <PageHeading title={t('analysis.title')} />
      {unitId === null ? (
        <Text c="dimmed">{t('analysis.no_unit')}</Text>
      ) : (
        <QueryView query={requests}>
          {(items) => {
            const sorted = [...items].sort(compareAnalysisRequests);
            const openCount = sorted.filter(isAnalysisOpen).length;
            return (
              <Stack gap="md">
                <Text size="sm" c="dimmed">
                  {t('analysis.hint', { unit: directory.unitLabel(unitId) })}
                </Text>
                <Text size="sm" fw={500} data-testid="analysis-open-count">
                  {t('analysis.open_count', { count: openCount })}
                </Text>
                {sorted.length === 0 ? (
                  <Text c="dimmed">{t('analysis.empty')}</Text>
                ) : (
                  <ul className="plain-list analysis-list" aria-label={t('analysis.title')} data-testid="analysis-requests">
                    {sorted.map((request) => (
                      <li key={request.id} data-analysis-id={request.id} data-status={request.status}>
                        <AnalysisRequestCard
                          request={request}
                          directory={directory}
                          onChanged={(next) => requests.replace(items.map((candidate) => (candidate.id === next.id ? next : candidate)))}
                        />
                      </li>
                    ))}
                  </ul>
                )}
              </Stack>
            );
          }}
        </QueryView>
      )}
    </>
  );
}
