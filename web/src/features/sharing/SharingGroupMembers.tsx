// A group's member organisations: each reads the group's TAXII collection with its own token
// (shown once when the member is added; afterwards only its last characters), may be allowed to
// add objects, and can be revoked, which stops its token at once.
import { Badge, Button, Group, Modal, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { useState, type SubmitEvent } from 'react';
import { useCan } from '../../app/session.tsx';
import { useSubmission } from '../../app/useSubmission.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { OneTimeSecret } from '../../components/OneTimeSecret.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { Section } from '../intake/IntakeParts.tsx';
import { formatMinute } from '../intake/intakeTime.ts';
import { sharingApi, type SharingGroup, type SharingMember } from './sharing.api.ts';

type Props = { group: SharingGroup; onChanged: () => void };

export function SharingMembersSection({ group, onChanged }: Props) {
  const { t } = useI18n();
  const can = useCan();
  const [revoking, setRevoking] = useState<SharingMember | null>(null);
  return (
    <Section id="sharing-members-title" title={t('sharing.members_title')} testId="sharing-members">
      <Stack gap="md">
        <MemberTable members={group.members} onRevoke={can('sharing.manage') ? setRevoking : null} />
        {can('sharing.manage') && <AddMemberForm groupId={group.id} onAdded={onChanged} />}
      </Stack>
      {revoking && (
        <RevokeModal
          groupId={group.id}
          member={revoking}
          onClose={() => setRevoking(null)}
          onRevoked={() => {
            setRevoking(null);
            onChanged();
          }}
        />
      )}
    </Section>
  );
}

function MemberTable({ members, onRevoke }: { members: readonly SharingMember[]; onRevoke: ((member: SharingMember) => void) | null }) {
  const { t, language } = useI18n();
  if (members.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('sharing.no_members')}
      </Text>
    );
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped aria-label={t('sharing.members_title')} data-testid="sharing-member-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('sharing.member_organisation')}</Table.Th>
            <Table.Th>{t('sharing.member_token_hint')}</Table.Th>
            <Table.Th>{t('sharing.member_last_used')}</Table.Th>
            <Table.Th>{t('sharing.member_state')}</Table.Th>
            {onRevoke && <Table.Th>{t('common.actions')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {members.map((member) => (
            <Table.Tr key={member.id} data-member-id={member.id}>
              <Table.Td>
                <Group gap={6} wrap="wrap">
                  <Text size="sm" className="break-anywhere">
                    {member.organisation}
                  </Text>
                  {member.canPublish && (
                    <Badge size="sm" variant="light" tt="none" className="nowrap">
                      {t('sharing.member_can_publish_badge')}
                    </Badge>
                  )}
                </Group>
                {member.contact && (
                  <Text size="xs" c="dimmed" className="break-anywhere">
                    {member.contact}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm" ff="monospace" className="nowrap">
                  {member.tokenHint ? t('sharing.token_hint_value', { hint: member.tokenHint }) : '—'}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="xs" className="nowrap">
                  {member.lastUsedAt ? formatMinute(language, member.lastUsedAt) : t('sharing.never_used')}
                </Text>
              </Table.Td>
              <Table.Td>
                {member.revokedAt ? (
                  <Stack gap={2}>
                    <Badge size="sm" color="gray" variant="filled" tt="none" className="nowrap">
                      {t('sharing.member_revoked')}
                    </Badge>
                    <Text size="xs" c="dimmed" className="nowrap">
                      {formatMinute(language, member.revokedAt)}
                    </Text>
                  </Stack>
                ) : (
                  <Badge size="sm" color="teal" variant="light" tt="none" className="nowrap">
                    {t('sharing.member_active')}
                  </Badge>
                )}
              </Table.Td>
              {onRevoke && (
                <Table.Td>
                  {member.revokedAt === null && (
                    <Button size="xs" variant="subtle" color="red" onClick={() => onRevoke(member)}>
                      {t('sharing.revoke')}
                    </Button>
                  )}
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function AddMemberForm({ groupId, onAdded }: { groupId: string; onAdded: () => void }) {
  const { t } = useI18n();
  const [organisation, setOrganisation] = useState('');
  const [contact, setContact] = useState('');
  const [canPublish, setCanPublish] = useState(false);
  const [isMissing, setMissing] = useState(false);
  const [issued, setIssued] = useState<{ organisation: string; token: string } | null>(null);
  const { error, isBusy, run } = useSubmission();

  function submit(event: SubmitEvent) {
    event.preventDefault();
    const name = organisation.trim();
    setMissing(name === '');
    if (name === '') return;
    void run(async () => {
      const created = await sharingApi.addMember(groupId, { organisation: name, contact: contact.trim(), canPublish });
      setIssued({ organisation: name, token: created.token });
      setOrganisation('');
      setContact('');
      setCanPublish(false);
      onAdded();
    });
  }

  return (
    <Stack gap="sm">
      {issued && (
        <div data-testid="member-token">
          <OneTimeSecret label={t('sharing.token_issued', { organisation: issued.organisation })} value={issued.token} testId="member-token-value" />
        </div>
      )}
      <form onSubmit={submit} noValidate aria-labelledby="sharing-member-new-title">
        <Stack gap="sm" maw={640}>
          <Text fw={600} size="sm" id="sharing-member-new-title">
            {t('sharing.add_member_title')}
          </Text>
          <TextInput
            label={t('sharing.member_organisation')}
            value={organisation}
            onChange={(event) => {
              setOrganisation(event.currentTarget.value);
              setMissing(false);
            }}
            error={isMissing ? t('validation.required') : undefined}
            maxLength={200}
            withAsterisk
          />
          <TextInput
            label={t('sharing.member_contact')}
            description={t('sharing.member_contact_hint')}
            value={contact}
            onChange={(event) => setContact(event.currentTarget.value)}
            maxLength={500}
          />
          <Switch
            label={t('sharing.member_can_publish')}
            description={t('sharing.member_can_publish_hint')}
            checked={canPublish}
            onChange={(event) => setCanPublish(event.currentTarget.checked)}
          />
          <ErrorMessage error={error} />
          <div>
            <Button type="submit" loading={isBusy}>
              {t('sharing.add_member')}
            </Button>
          </div>
        </Stack>
      </form>
    </Stack>
  );
}

function RevokeModal({ groupId, member, onClose, onRevoked }: { groupId: string; member: SharingMember; onClose: () => void; onRevoked: () => void }) {
  const { t } = useI18n();
  const { error, isBusy, run } = useSubmission();
  return (
    <Modal opened onClose={onClose} title={t('sharing.revoke_title')}>
      <Stack gap="sm">
        <Text size="sm">{t('sharing.revoke_confirm', { organisation: member.organisation })}</Text>
        <ErrorMessage error={error} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            loading={isBusy}
            onClick={() =>
              void run(async () => {
                await sharingApi.revokeMember(groupId, member.id);
                onRevoked();
              })
            }
          >
            {t('sharing.revoke')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
