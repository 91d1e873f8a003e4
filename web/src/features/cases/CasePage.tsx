// One case (M3.2a–d): what it is and where it stands, the work on it (tasks, notes, status
// history, observables and the cases sharing them), and who may see it (lead, named members,
// supporting units, access requests). Every change answers the case as it now is, which the page
// shows without asking again; text anyone wrote is shown as plain text, never as markup.
import { Anchor, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { PageProps } from '../../app/routes.tsx';
import { PATHS } from '../../app/routes.tsx';
import { Link } from '../../app/router.tsx';
import { QueryView } from '../../app/QueryView.tsx';
import { useCan } from '../../app/session.tsx';
import { useApiQuery } from '../../app/useApiQuery.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { TlpBadge } from '../../components/TlpBadge.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { NotFoundPage } from '../errors/NotFoundPage.tsx';
import { Fact, PriorityBadge, Section } from '../intake/IntakeParts.tsx';
import { useCategoryText, useIntakeLabel } from '../intake/intakeLabels.ts';
import { formatMinute } from '../intake/intakeTime.ts';
import { useDirectory } from '../users/directory.ts';
import { casesApi, type CaseDetail } from './cases.api.ts';
import { CaseEditModal } from './CaseEditModal.tsx';
import { CaseMembersCard, CaseSupportUnitsCard } from './CaseAccess.tsx';
import { CaseAccessRequestsCard } from './CaseAccessRequests.tsx';
import { CaseEvidenceSection } from './CaseEvidence.tsx';
import { CaseNotesSection } from './CaseNotes.tsx';
import { CaseObservablesSection } from './CaseObservables.tsx';
import { CaseReportsSection } from './CaseReports.tsx';
import { CaseAttributionSection } from './CaseAttribution.tsx';
import { CaseGraphSection } from './CaseGraph.tsx';
import { CaseStatusBadge, SensitiveBadge, type CasePartProps } from './CaseParts.tsx';
import { CaseStatusCard, StatusHistorySection } from './CaseStatus.tsx';
import { CaseTasksSection } from './CaseTasks.tsx';
import { CaseTimelineSection } from './CaseTimeline.tsx';
import { CaseCooperationSection } from './CaseCooperation.tsx';
import { CaseSharingSection } from './CaseSharing.tsx';
import './cases.css';

export function CasePage({ params }: PageProps) {
  const caseId = params.caseId ?? '';
  const { t } = useI18n();
  const can = useCan();
  const detail = useApiQuery(() => casesApi.get(caseId), [caseId]);
  const directory = useDirectory('—');

  if (detail.error?.status === 404) return <NotFoundPage />;
  const title = detail.data ? t('cases.case_title', { caseNo: detail.data.caseNo }) : t('cases.case_title_loading');
  return (
    <>
      <PageHeading
        title={title}
        actions={
          <Button component={Link} href={PATHS.cases} variant="default" size="sm">
            {t('cases.back_to_list')}
          </Button>
        }
      />
      <QueryView query={detail}>
        {(found) => {
          const part: CasePartProps = { detail: found, directory, onChanged: detail.replace, onReload: detail.reload };
          return (
            <div className="case-layout">
              <div className="case-summary">
                <CaseSummaryCard {...part} />
              </div>
              <Stack gap="lg" className="case-side">
                <CaseStatusCard {...part} />
                <CaseMembersCard {...part} />
                <CaseSupportUnitsCard {...part} />
                <CaseAccessRequestsCard {...part} />
              </Stack>
              <Stack gap="lg" className="case-main">
                <CaseDescriptionSection detail={found} />
                <CaseReportsSection {...part} />
                <CaseObservablesSection {...part} />
                <CaseAttributionSection detail={found} />
                <CaseGraphSection {...part} />
                <CaseTasksSection {...part} />
                <CaseEvidenceSection {...part} />
                <CaseCooperationSection {...part} />
                {can('sharing.exchange') && <CaseSharingSection detail={found} />}
                <CaseNotesSection {...part} />
                <StatusHistorySection {...part} />
                <CaseTimelineSection {...part} />
              </Stack>
            </div>
          );
        }}
      </QueryView>
    </>
  );
}

function CaseSummaryCard({ detail, directory, onChanged, onReload }: CasePartProps) {
  const { t, language } = useI18n();
  const can = useCan();
  const categoryText = useCategoryText();
  const [isEditing, setEditing] = useState(false);
  return (
    <Card withBorder component="section" aria-labelledby="case-summary-title" data-testid="case-summary">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
          <Group gap="xs" wrap="wrap">
            <CaseStatusBadge status={detail.status} />
            <PriorityBadge priority={detail.priority} />
            {detail.sensitive && <SensitiveBadge />}
            <TlpBadge level={detail.tlp} testId="case-tlp" />
          </Group>
          {can('case.write') && (
            <Button size="xs" variant="default" onClick={() => setEditing(true)}>
              {t('common.edit')}
            </Button>
          )}
        </Group>
        <Title order={2} size="h3" id="case-summary-title" className="break-anywhere" data-testid="case-title">
          {detail.title}
        </Title>
        {detail.category && (
          <Text size="sm" c="dimmed">
            {categoryText(detail.category, detail.subcategory)}
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, xs: 2, lg: 3 }} spacing="xs">
          <Fact label={t('cases.case_no')}>{detail.caseNo}</Fact>
          <Fact label={t('cases.owner_unit')}>{directory.unitLabel(detail.ownerUnitId)}</Fact>
          <Fact label={t('cases.lead')}>{directory.personLabel(detail.leadUserId)}</Fact>
          <Fact label={t('cases.created_at')}>{formatMinute(language, detail.createdAt)}</Fact>
          <Fact label={t('cases.updated_at')}>{formatMinute(language, detail.updatedAt)}</Fact>
          {detail.openedFromItemId && (
            <Fact label={t('cases.opened_from')}>
              {can('intake.read') ? (
                <Anchor component={Link} href={PATHS.intakeItem(detail.openedFromItemId)} size="sm" data-testid="case-opened-from">
                  {t('cases.opened_from_link')}
                </Anchor>
              ) : (
                t('cases.opened_from_item')
              )}
            </Fact>
          )}
        </SimpleGrid>
      </Stack>
      {isEditing && (
        <CaseEditModal
          detail={detail}
          onClose={() => setEditing(false)}
          onSaved={(saved) => {
            setEditing(false);
            onChanged(saved);
          }}
          onReload={() => {
            setEditing(false);
            onReload();
          }}
        />
      )}
    </Card>
  );
}

function CaseDescriptionSection({ detail }: { detail: CaseDetail }) {
  const { t, language } = useI18n();
  const label = useIntakeLabel();
  const victim = detail.victim;
  const yen = new Intl.NumberFormat(language === 'ja' ? 'ja-JP' : 'en-GB', { style: 'currency', currency: 'JPY' });
  return (
    <Section id="case-description-title" title={t('cases.description')} testId="case-description">
      <Stack gap="sm">
        {detail.description ? (
          <Text size="sm" className="reporter-text">
            {detail.description}
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            {t('cases.no_description')}
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
          <Fact label={t('cases.victim_kind')}>{victim ? <VictimName victim={victim} /> : '—'}</Fact>
          <Fact label={t('cases.damage')}>{detail.damageYen === null ? '—' : yen.format(detail.damageYen)}</Fact>
          {victim?.industry && <Fact label={t('cases.victim_industry')}>{label('industry', victim.industry)}</Fact>}
          {victim?.orgSize && <Fact label={t('cases.victim_org_size')}>{label('org_size', victim.orgSize)}</Fact>}
        </SimpleGrid>
        {victim?.recoveryState && (
          <Fact label={t('cases.victim_recovery')}>
            <span className="reporter-text">{victim.recoveryState}</span>
          </Fact>
        )}
        {victim?.operationalConstraints && (
          <Fact label={t('cases.victim_constraints')}>
            <span className="reporter-text">{victim.operationalConstraints}</span>
          </Fact>
        )}
      </Stack>
    </Section>
  );
}

function VictimName({ victim }: { victim: NonNullable<CaseDetail['victim']> }) {
  const { t } = useI18n();
  const kind = victim.kind === 'person' ? t('cases.victim_person') : t('cases.victim_organisation');
  return <>{victim.name ? t('cases.victim_line', { kind, name: victim.name }) : kind}</>;
}
