// One sharing group: its TLP ceiling and what it allows, the TAXII addresses to hand a partner
// (discovery URL, API root, the collection id, which is the group's id), and its member
// organisations with their tokens. sharing.manage changes the group and its members.
import { Badge, Button, Card, Code, CopyButton, Group, Modal, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { PageProps } from '../../app/routes.tsx';
import { PATHS } from '../../app/routes.tsx';
import { Link } from '../../app/router.tsx';
import { QueryView } from '../../app/QueryView.tsx';
import { useCan } from '../../app/session.tsx';
import { useApiQuery } from '../../app/useApiQuery.ts';
import { useSubmission } from '../../app/useSubmission.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { TlpBadge, useTlpHint } from '../../components/TlpBadge.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { Fact, Section } from '../intake/IntakeParts.tsx';
import { formatMinute } from '../intake/intakeTime.ts';
import { GroupForm, groupChanges } from './GroupForm.tsx';
import { partnerEndpoints, sharingApi, type SharingGroup } from './sharing.api.ts';
import { SharingMembersSection } from './SharingGroupMembers.tsx';
import { SharingNav } from './SharingParts.tsx';

export function SharingGroupPage({ params }: PageProps) {
  const groupId = params.groupId ?? '';
  const { t } = useI18n();
  const groups = useApiQuery(async () => {
    const [found, endpoints] = await Promise.all([sharingApi.group(groupId), sharingApi.endpoints()]);
    return { found, endpoints };
  }, [groupId]);
  const group = groups.data?.found ?? null;
  return (
    <>
      <PageHeading
        title={group ? group.name : t('sharing.group_loading')}
        actions={
          <Button component={Link} href={PATHS.sharing} variant="default" size="sm">
            {t('sharing.back_to_groups')}
          </Button>
        }
      />
      <SharingNav />
      <QueryView query={groups}>
        {() =>
          group && (
            <Stack gap="xl">
              <GroupSummary group={group} onChanged={groups.reload} />
              <TaxiiSection group={group} endpoints={partnerEndpoints(groups.data?.endpoints ?? EMPTY_ENDPOINTS, group.id)} />
              <SharingMembersSection group={group} onChanged={groups.reload} />
            </Stack>
          )
        }
      </QueryView>
    </>
  );
}

function GroupSummary({ group, onChanged }: { group: SharingGroup; onChanged: () => void }) {
  const { t, language } = useI18n();
  const can = useCan();
  const tlpHint = useTlpHint();
  const [isEditing, setEditing] = useState(false);
  const { error, isBusy, run } = useSubmission();
  return (
    <Card withBorder component="section" aria-labelledby="sharing-group-summary-title" data-testid="sharing-group-summary">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Group gap="xs" wrap="wrap">
            <Title order={2} size="h4" id="sharing-group-summary-title">
              {t('sharing.group_summary')}
            </Title>
            <TlpBadge level={group.maxTlp} testId="group-tlp" />
            {group.includePersonal && (
              <Badge color="orange" variant="light" tt="none" className="nowrap">
                {t('sharing.personal_allowed')}
              </Badge>
            )}
          </Group>
          {can('sharing.manage') && (
            <Button size="xs" variant="default" onClick={() => setEditing(true)}>
              {t('common.edit')}
            </Button>
          )}
        </Group>
        <Text size="sm">{t('sharing.group_tlp_line', { hint: tlpHint(group.maxTlp) })}</Text>
        {group.description && (
          <Text size="sm" className="reporter-text">
            {group.description}
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
          <Fact label={t('sharing.group_include_personal')}>{group.includePersonal ? t('sharing.personal_yes') : t('sharing.personal_no')}</Fact>
          <Fact label={t('sharing.created_at')}>{formatMinute(language, group.createdAt)}</Fact>
        </SimpleGrid>
      </Stack>
      {isEditing && (
        <Modal opened onClose={() => setEditing(false)} title={t('sharing.edit_group_title', { name: group.name })} size="lg">
          <GroupForm
            initial={{ name: group.name, description: group.description, maxTlp: group.maxTlp, includePersonal: group.includePersonal }}
            submitLabel={t('common.save')}
            error={error}
            isBusy={isBusy}
            onCancel={() => setEditing(false)}
            onSubmit={(draft) => {
              const changes = groupChanges(group, draft);
              if (Object.keys(changes).length === 0) {
                setEditing(false);
                return;
              }
              void run(async () => {
                await sharingApi.updateGroup(group.id, changes);
                setEditing(false);
                onChanged();
              });
            }}
          />
        </Modal>
      )}
    </Card>
  );
}

const EMPTY_ENDPOINTS = { taxiiDiscoveryUrl: '', taxiiApiRootUrl: '', mispFeedBaseUrl: '' };

function TaxiiSection({ group, endpoints }: { group: SharingGroup; endpoints: ReturnType<typeof partnerEndpoints> }) {
  const { t } = useI18n();
  const rows = [
    { key: 'discovery', label: t('sharing.taxii_discovery'), value: endpoints.discovery },
    { key: 'api-root', label: t('sharing.taxii_api_root'), value: endpoints.apiRoot },
    { key: 'collection-id', label: t('sharing.taxii_collection_id'), value: group.id },
    { key: 'collection', label: t('sharing.taxii_collection_url'), value: endpoints.collection },
    { key: 'misp-feed', label: t('sharing.misp_feed_url'), value: endpoints.mispFeed },
  ];
  return (
    <Section id="sharing-taxii-title" title={t('sharing.taxii_title')} testId="sharing-group-taxii">
      <Text size="sm" c="dimmed" mb="sm">
        {t('sharing.taxii_intro')}
      </Text>
      <Table withTableBorder variant="vertical" layout="fixed" aria-label={t('sharing.taxii_title')}>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.key} data-key={row.key}>
              <Table.Th w="28%" scope="row" className="break-anywhere">
                {row.label}
              </Table.Th>
              <Table.Td>
                <CopyLine value={row.value} label={row.label} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Section>
  );
}

function CopyLine({ value, label }: { value: string; label: string }) {
  const { t } = useI18n();
  return (
    <Group gap="xs" wrap="nowrap" justify="space-between" align="flex-start">
      <Code className="break-anywhere" style={{ userSelect: 'all', flex: '0 1 auto', minWidth: 0 }}>
        {value}
      </Code>
      <CopyButton value={value}>
        {({ copied, copy }) => (
          <Button size="compact-xs" variant="default" onClick={copy} aria-label={t('sharing.copy_named', { name: label })} style={{ flexShrink: 0 }}>
            {copied ? t('common.copied') : t('common.copy')}
          </Button>
        )}
      </CopyButton>
    </Group>
  );
}
