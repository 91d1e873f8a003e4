// One catalogue entry (M2.2a): what is known of the group or family, its aliases (kept by
// threat.manage), and the attributed cases the viewer may open; the others are only counted.
import { Anchor, Badge, Button, CloseButton, Group, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState, type SubmitEvent } from 'react';
import type { PageProps } from '../../app/routes.tsx';
import { PATHS } from '../../app/routes.tsx';
import { Link } from '../../app/router.tsx';
import { QueryView } from '../../app/QueryView.tsx';
import { useCan } from '../../app/session.tsx';
import { useApiQuery } from '../../app/useApiQuery.ts';
import { useSubmission } from '../../app/useSubmission.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { NotFoundPage } from '../errors/NotFoundPage.tsx';
import { Fact, Section } from '../intake/IntakeParts.tsx';
import { formatMinute } from '../intake/intakeTime.ts';
import { threatsApi, type ThreatDetail } from './threats.api.ts';
import { useThreatLabel } from './threatLabels.ts';
import { KindBadge, StateSponsoredBadge, ThreatsNav } from './ThreatParts.tsx';

export function ThreatPage({ params }: PageProps) {
  const threatId = params.threatId ?? '';
  const { t } = useI18n();
  const entry = useApiQuery(() => threatsApi.get(threatId), [threatId]);
  if (entry.error?.status === 404) return <NotFoundPage />;
  return (
    <>
      <PageHeading
        title={entry.data ? entry.data.name : t('threats.entry_loading')}
        actions={
          <Button component={Link} href={PATHS.threats} variant="default" size="sm">
            {t('threats.back_to_list')}
          </Button>
        }
      />
      <ThreatsNav />
      <QueryView query={entry}>
        {(found) => (
          <Stack gap="lg">
            <ThreatFacts entry={found} />
            <AliasesSection entry={found} onChanged={entry.replace} />
            <AttributedCasesSection entry={found} />
          </Stack>
        )}
      </QueryView>
    </>
  );
}

function ThreatFacts({ entry }: { entry: ThreatDetail }) {
  const { t, language } = useI18n();
  return (
    <Section id="threat-facts-title" title={t('threats.facts')} testId="threat-facts">
      <Stack gap="sm">
        <Group gap="xs">
          <KindBadge kind={entry.kind} />
          {entry.stateSponsored && <StateSponsoredBadge />}
        </Group>
        <SimpleGrid cols={{ base: 1, xs: 2, lg: 3 }} spacing="xs">
          <Fact label={t('threats.origin')}>{entry.origin ?? '—'}</Fact>
          <Fact label={t('threats.sponsor')}>{entry.sponsor ?? '—'}</Fact>
          <Fact label={t('threats.seen')}>{t('threats.seen_range', { first: entry.firstSeen ?? '?', last: entry.lastSeen ?? t('threats.active') })}</Fact>
          <Fact label={t('threats.mitre_id')}>
            {entry.mitreId && entry.mitreUrl ? (
              <Anchor href={entry.mitreUrl} target="_blank" rel="noopener noreferrer" size="sm" ff="monospace">
                {entry.mitreId}
              </Anchor>
            ) : (
              '—'
            )}
          </Fact>
          <Fact label={t('threats.updated_at')}>{formatMinute(language, entry.updatedAt)}</Fact>
        </SimpleGrid>
        <Text size="sm" className="reporter-text">
          {entry.description || t('threats.no_description')}
        </Text>
        {entry.externalRefs.length > 0 && (
          <ul className="plain-list">
            {entry.externalRefs.map((ref) => (
              <li key={ref.url}>
                <Anchor href={ref.url} target="_blank" rel="noopener noreferrer" size="sm">
                  {ref.label}
                </Anchor>
              </li>
            ))}
          </ul>
        )}
      </Stack>
    </Section>
  );
}

function AliasesSection({ entry, onChanged }: { entry: ThreatDetail; onChanged: (entry: ThreatDetail) => void }) {
  const { t } = useI18n();
  const can = useCan();
  const [alias, setAlias] = useState('');
  const { error, isBusy, run } = useSubmission();
  const isManager = can('threat.manage');

  function add(event: SubmitEvent) {
    event.preventDefault();
    if (!alias.trim()) return;
    void run(async () => {
      onChanged(await threatsApi.addAlias(entry.id, alias.trim()));
      setAlias('');
    });
  }

  return (
    <Section id="threat-aliases-title" title={t('threats.aliases')} testId="threat-aliases">
      <Stack gap="xs">
        {entry.aliases.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('threats.no_aliases')}
          </Text>
        ) : (
          <Group gap={6} wrap="wrap">
            {entry.aliases.map((name) => (
              <Badge
                key={name}
                variant="default"
                tt="none"
                rightSection={
                  isManager ? (
                    <CloseButton
                      size="xs"
                      aria-label={t('threats.remove_alias', { alias: name })}
                      onClick={() => void run(async () => onChanged(await threatsApi.removeAlias(entry.id, name)))}
                    />
                  ) : undefined
                }
              >
                {name}
              </Badge>
            ))}
          </Group>
        )}
        {isManager && (
          <form onSubmit={add} noValidate>
            <Group gap="xs" align="flex-end">
              <TextInput label={t('threats.new_alias')} value={alias} onChange={(event) => setAlias(event.currentTarget.value)} maxLength={120} />
              <Button type="submit" variant="default" loading={isBusy}>
                {t('threats.add_alias')}
              </Button>
            </Group>
          </form>
        )}
        <ErrorMessage error={error} />
      </Stack>
    </Section>
  );
}

function AttributedCasesSection({ entry }: { entry: ThreatDetail }) {
  const { t, language } = useI18n();
  const label = useThreatLabel();
  const { items, hiddenCount } = entry.cases;
  return (
    <Section id="threat-cases-title" title={t('threats.attributed_cases')} testId="threat-cases">
      <Stack gap="xs">
        {items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('threats.no_visible_cases')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table striped aria-label={t('threats.attributed_cases')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('threats.case_no')}</Table.Th>
                  <Table.Th>{t('threats.case_title')}</Table.Th>
                  <Table.Th>{t('threats.confidence')}</Table.Th>
                  <Table.Th>{t('threats.attributed_at')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((item) => (
                  <Table.Tr key={item.caseId}>
                    <Table.Td>
                      <Anchor component={Link} href={PATHS.case(item.caseId)} size="sm">
                        {item.caseNo}
                      </Anchor>
                    </Table.Td>
                    <Table.Td className="break-anywhere">{item.title}</Table.Td>
                    <Table.Td>{label('confidence', item.confidence)}</Table.Td>
                    <Table.Td>{formatMinute(language, item.attributedAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {hiddenCount > 0 && (
          <Text size="sm" c="dimmed" data-testid="threat-hidden-cases">
            {t('threats.hidden_cases', { count: hiddenCount })}
          </Text>
        )}
      </Stack>
    </Section>
  );
}
