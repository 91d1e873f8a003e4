// One report or consultation (M2.1b): what was reported, the details by section, contact,
// attachments, the observables pulled out of it and where else they were seen, how it was routed,
// notes, and the triage actions. Everything the reporter wrote is rendered as plain text.
import { Alert, Anchor, Badge, Card, Grid, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { PageProps } from '../../app/routes.tsx';
import { PATHS } from '../../app/routes.tsx';
import { Link } from '../../app/router.tsx';
import { QueryView } from '../../app/QueryView.tsx';
import { useCan } from '../../app/session.tsx';
import { useApiQuery } from '../../app/useApiQuery.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { formatDateTime, useI18n } from '../../i18n/i18n.tsx';
import { NotFoundPage } from '../errors/NotFoundPage.tsx';
import { useDirectory, type Directory } from '../users/directory.ts';
import { intakeApi, type CaseOpened, type Item } from './intake.api.ts';
import { useCategoryText, useIntakeLabel } from './intakeLabels.ts';
import { Deadline, Fact, FlagBadges, IntakeNav, PriorityBadge, StatusBadge } from './IntakeParts.tsx';
import { ItemActions } from './ItemActions.tsx';
import { ContactSection, DescriptionSection, DetailsSection } from './ItemDetailsSection.tsx';
import { AttachmentsSection, HitsSection, ObservablesSection } from './ItemEvidence.tsx';
import { NotesSection, RoutingSection } from './ItemRouting.tsx';

export function IntakeItemPage({ params }: PageProps) {
  const itemId = params.itemId ?? '';
  const { t } = useI18n();
  const can = useCan();
  const detail = useApiQuery(() => intakeApi.get(itemId), [itemId]);
  const directory = useDirectory(t('intake.unassigned'));
  const [caseOpened, setCaseOpened] = useState<CaseOpened | null>(null);

  if (detail.error?.status === 404) return <NotFoundPage />;
  const title = detail.data ? t('intake.item_title', { receiptNo: detail.data.receiptNo }) : t('intake.item_title_loading');
  return (
    <>
      <PageHeading title={title} />
      <IntakeNav />
      <div aria-live="polite">
        {caseOpened && (
          <Alert color="grape" variant="light" title={t('intake.case_opened_title')} mb="md" data-testid="case-opened">
            <Group gap="sm" wrap="wrap">
              <Text size="sm">{t('intake.case_opened_body', { caseNo: caseOpened.caseNo })}</Text>
              {can('case.read') && (
                <Anchor component={Link} href={PATHS.case(caseOpened.caseId)} size="sm" fw={700}>
                  {t('intake.open_case_page')}
                </Anchor>
              )}
            </Group>
          </Alert>
        )}
      </div>
      <QueryView query={detail}>
        {(item) => (
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, md: 8 }}>
              <Stack gap="lg">
                <SummaryCard item={item} directory={directory} />
                <DescriptionSection item={item} />
                <DetailsSection item={item} />
                <ContactSection item={item} />
                <AttachmentsSection item={item} />
                <ObservablesSection item={item} />
                <HitsSection item={item} unitLabel={directory.unitLabel} />
                <NotesSection item={item} personLabel={directory.personLabel} onChanged={detail.reload} />
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 4 }}>
              <Stack gap="lg" className="sticky-panel">
                <ItemActions
                  item={item}
                  units={directory.units}
                  onChanged={detail.reload}
                  onCaseOpened={(opened) => {
                    setCaseOpened(opened);
                    detail.reload();
                  }}
                />
                <RoutingSection item={item} />
              </Stack>
            </Grid.Col>
          </Grid>
        )}
      </QueryView>
    </>
  );
}

function SummaryCard({ item, directory }: { item: Item; directory: Directory }) {
  const { t, language } = useI18n();
  const can = useCan();
  const label = useIntakeLabel();
  const categoryText = useCategoryText();
  const caseHit = item.caseId ? item.hits.find((hit) => hit.sourceType === 'case' && hit.sourceId === item.caseId) : undefined;
  return (
    <Card withBorder component="section" aria-labelledby="item-summary-title" data-testid="item-summary">
      <Stack gap="sm">
        <Group gap="xs" wrap="wrap">
          <PriorityBadge priority={item.priority} />
          <StatusBadge status={item.status} />
          <Badge variant="default" tt="none">
            {label('kind', item.kind)}
          </Badge>
          <FlagBadges flags={item.flags} />
        </Group>
        <Title order={2} size="h3" id="item-summary-title" className="break-anywhere" data-testid="item-title">
          {item.summary}
        </Title>
        <Text size="sm" c="dimmed" data-testid="item-category">
          {categoryText(item.category, item.subcategory)}
        </Text>
        <SimpleGrid cols={{ base: 1, xs: 2, lg: 3 }} spacing="xs">
          <Fact label={t('intake.received_at')}>{formatDateTime(language, item.createdAt)}</Fact>
          <Fact label={t('intake.deadline')}>
            <Deadline deadlineAt={item.deadlineAt} overdue={item.overdue} size="sm" />
          </Fact>
          <Fact label={t('intake.assigned_unit')}>{directory.unitLabel(item.assignedUnitId)}</Fact>
          <Fact label={t('intake.claimed_by')}>{item.claimedBy ? directory.personLabel(item.claimedBy) : t('intake.not_claimed')}</Fact>
          <Fact label={t('intake.channel_label')}>{label('channel', item.channel)}</Fact>
          <Fact label={t('intake.reporter_type_label')}>{label('reporter_type', item.reporterType)}</Fact>
          {item.stationUnitId && <Fact label={t('intake.station')}>{directory.unitLabel(item.stationUnitId)}</Fact>}
          {item.escalatedAt && <Fact label={t('intake.escalated_at')}>{formatDateTime(language, item.escalatedAt)}</Fact>}
          {item.outcome && (
            <Fact label={t('intake.outcome_label')}>
              {label('outcome', item.outcome)}
              {item.referredAgency ? ` (${item.referredAgency})` : ''}
            </Fact>
          )}
          {item.closedAt && <Fact label={t('intake.closed_at')}>{formatDateTime(language, item.closedAt)}</Fact>}
          {item.mergedIntoId && (
            <Fact label={t('intake.merged_into')}>
              <Anchor component={Link} href={PATHS.intakeItem(item.mergedIntoId)} size="sm">
                {t('intake.open_item')}
              </Anchor>
            </Fact>
          )}
          {item.caseId && (
            <Fact label={t('intake.case_no')}>
              {can('case.read') ? (
                <Anchor component={Link} href={PATHS.case(item.caseId)} size="sm" fw={700} data-testid="item-case-link">
                  {caseHit?.label ?? t('intake.case_opened_short')}
                </Anchor>
              ) : (
                (caseHit?.label ?? t('intake.case_opened_short'))
              )}
            </Fact>
          )}
        </SimpleGrid>
        {item.links.length > 0 && (
          <Fact label={t('intake.linked_items')}>
            <Group gap="xs" wrap="wrap">
              {item.links.map((link) => (
                <Anchor key={link.id} component={Link} href={PATHS.intakeItem(link.id)} size="sm">
                  {link.receiptNo}
                </Anchor>
              ))}
            </Group>
          </Fact>
        )}
      </Stack>
    </Card>
  );
}
