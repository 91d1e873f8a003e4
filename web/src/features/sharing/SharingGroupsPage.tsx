// Sharing groups (共有グループ, M3.2c): who Koban shares with (all prefectural police, the
// cyber-terrorism council, JC3 …) and up to which TLP. Each group is a TAXII collection its member
// organisations read with their own token. sharing.manage creates groups here.
import { Anchor, Badge, Group, Stack, Table, Text } from '@mantine/core';
import { PATHS } from '../../app/routes.tsx';
import { Link, navigate } from '../../app/router.tsx';
import { QueryView } from '../../app/QueryView.tsx';
import { useCan } from '../../app/session.tsx';
import { useApiQuery } from '../../app/useApiQuery.ts';
import { useSubmission } from '../../app/useSubmission.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { TlpBadge } from '../../components/TlpBadge.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { Section } from '../intake/IntakeParts.tsx';
import { formatMinute } from '../intake/intakeTime.ts';
import { EMPTY_GROUP, GroupForm } from './GroupForm.tsx';
import { sharingApi, type SharingGroup } from './sharing.api.ts';
import { SharingNav } from './SharingParts.tsx';

export function SharingGroupsPage() {
  const { t } = useI18n();
  const can = useCan();
  const groups = useApiQuery(() => sharingApi.groups());
  return (
    <>
      <PageHeading title={t('sharing.title')} />
      <SharingNav />
      <Stack gap="xl">
        <Section id="sharing-groups-title" title={t('sharing.groups_title')} testId="sharing-groups">
          <Text size="sm" c="dimmed" mb="sm">
            {t('sharing.groups_intro')}
          </Text>
          <QueryView query={groups}>{(items) => <GroupTable items={items} />}</QueryView>
        </Section>
        {can('sharing.manage') && <NewGroupSection />}
      </Stack>
    </>
  );
}

function GroupTable({ items }: { items: readonly SharingGroup[] }) {
  const { t, language } = useI18n();
  if (items.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('sharing.no_groups')}
      </Text>
    );
  return (
    <Table.ScrollContainer minWidth={680}>
      <Table striped highlightOnHover aria-label={t('sharing.groups_title')} data-testid="sharing-group-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('sharing.group_name')}</Table.Th>
            <Table.Th>{t('sharing.group_max_tlp')}</Table.Th>
            <Table.Th>{t('sharing.group_members')}</Table.Th>
            <Table.Th>{t('sharing.created_at')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((group) => {
            const active = group.members.filter((member) => member.revokedAt === null).length;
            return (
              <Table.Tr key={group.id} data-group-id={group.id}>
                <Table.Td>
                  <Group gap={6} wrap="wrap">
                    <Anchor component={Link} href={PATHS.sharingGroup(group.id)} size="sm" className="break-anywhere">
                      {group.name}
                    </Anchor>
                    {group.includePersonal && (
                      <Badge size="sm" color="orange" variant="light" tt="none" className="nowrap">
                        {t('sharing.personal_allowed')}
                      </Badge>
                    )}
                  </Group>
                  {group.description && (
                    <Text size="xs" c="dimmed" lineClamp={2} className="break-anywhere">
                      {group.description}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <TlpBadge level={group.maxTlp} size="sm" />
                </Table.Td>
                <Table.Td>
                  <Text size="sm" className="nowrap">
                    {t('sharing.member_count', { active, total: group.members.length })}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="xs" className="nowrap">
                    {formatMinute(language, group.createdAt)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function NewGroupSection() {
  const { t } = useI18n();
  const { error, isBusy, run } = useSubmission();
  return (
    <Section id="sharing-group-new-title" title={t('sharing.new_group_title')} testId="sharing-group-new">
      <GroupForm
        initial={EMPTY_GROUP}
        submitLabel={t('sharing.create_group')}
        error={error}
        isBusy={isBusy}
        onSubmit={(draft) =>
          void run(async () => {
            const created = await sharingApi.createGroup(draft);
            navigate(PATHS.sharingGroup(created.id));
          })
        }
      />
    </Section>
  );
}
