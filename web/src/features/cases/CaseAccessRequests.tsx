// 閲覧申請: officers who found this case through a shared observable and asked to see it. Everyone
// who sees the case sees the requests (the card appears once there is one); only its lead grants
// (the requester becomes a member) or refuses them. Reasons are shown as written, as text.
import { Badge, Button, Card, Group, Stack, Text, Title, type MantineColor } from '@mantine/core';
import { useSession, useCan } from '../../app/session.tsx';
import { useApiQuery } from '../../app/useApiQuery.ts';
import { useSubmission } from '../../app/useSubmission.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatMinute } from '../intake/intakeTime.ts';
import { casesApi, type AccessDecision, type AccessRequest } from './cases.api.ts';
import { CaseErrorMessage, type CasePartProps } from './CaseParts.tsx';

const STATUS_COLOURS: Readonly<Record<AccessRequest['status'], MantineColor>> = { pending: 'yellow', granted: 'teal', refused: 'gray' };

export function CaseAccessRequestsCard({ detail, directory, onChanged, onReload }: CasePartProps) {
  const { t } = useI18n();
  const session = useSession();
  const can = useCan();
  const requests = useApiQuery(() => casesApi.accessRequests(detail.id), [detail.id]);
  const submission = useSubmission();
  const mayDecide = detail.leadUserId !== null && detail.leadUserId === session.user.id && can('case.write');

  // A grant adds the requester to the members, so the case is read again along with the list.
  const decide = (requestId: string, decision: AccessDecision) =>
    void submission.run(async () => {
      await casesApi.decideAccess(detail.id, requestId, decision);
      requests.replace(await casesApi.accessRequests(detail.id));
      onChanged(await casesApi.get(detail.id));
    });

  // Most cases are never asked about; the card appears once one is (or the list cannot be read).
  if (!requests.error && (requests.data === null || requests.data.length === 0)) return null;
  return (
    <Card withBorder component="section" aria-labelledby="case-access-requests-title" data-testid="case-access-requests">
      <Stack gap="sm">
        <Title order={2} size="h4" id="case-access-requests-title">
          {t('cases.access_requests_title')}
        </Title>
        <Text size="xs" c="dimmed">
          {t('cases.access_requests_hint')}
        </Text>
        {requests.data ? (
          <RequestList items={requests.data} personLabel={directory.personLabel} onDecide={mayDecide ? decide : null} isBusy={submission.isBusy} />
        ) : (
          <ErrorMessage error={requests.error} />
        )}
        <CaseErrorMessage error={submission.error} onReload={onReload} />
      </Stack>
    </Card>
  );
}

function RequestList({
  items,
  personLabel,
  onDecide,
  isBusy,
}: {
  items: readonly AccessRequest[];
  personLabel: (userId: string | null) => string;
  onDecide: ((requestId: string, decision: AccessDecision) => void) | null;
  isBusy: boolean;
}) {
  const { t, language } = useI18n();
  return (
    <ul className="plain-list note-list">
      {items.map((request) => {
        const name = personLabel(request.requesterId);
        return (
          <li key={request.id} data-request-id={request.id} data-status={request.status}>
            <Stack gap={4}>
              <Group gap={6} wrap="wrap">
                <Text size="sm" className="break-anywhere">
                  {name}
                </Text>
                <Badge size="sm" variant="light" color={STATUS_COLOURS[request.status]} tt="none" className="nowrap">
                  {t(`cases.access_status.${request.status}`)}
                </Badge>
              </Group>
              <Text size="xs" c="dimmed">
                {t('cases.access_requested_at', { at: formatMinute(language, request.createdAt) })}
                {request.decidedAt &&
                  ` · ${t('cases.access_decided_at', { at: formatMinute(language, request.decidedAt), person: personLabel(request.decidedBy) })}`}
              </Text>
              <Text size="sm" className="reporter-text" data-testid="access-request-reason">
                {request.reason}
              </Text>
              {onDecide && request.status === 'pending' && (
                <Group gap="xs">
                  <Button size="compact-sm" onClick={() => onDecide(request.id, 'grant')} disabled={isBusy} aria-label={t('cases.grant_named', { name })}>
                    {t('cases.grant')}
                  </Button>
                  <Button
                    size="compact-sm"
                    variant="default"
                    color="red"
                    onClick={() => onDecide(request.id, 'refuse')}
                    disabled={isBusy}
                    aria-label={t('cases.refuse_named', { name })}
                  >
                    {t('cases.refuse')}
                  </Button>
                </Group>
              )}
            </Stack>
          </li>
        );
      })}
    </ul>
  );
}
