// 支援要請 to the cyber division: the requests of a case with the form to make one, and one request
// as both the case panel and the division's inbox show it, with the answers open to its reader.
import { Anchor, Button, Group, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState, type SubmitEvent } from 'react';
import { PATHS } from '../../app/routes.tsx';
import { Link } from '../../app/router.tsx';
import { useCan, useSession } from '../../app/session.tsx';
import { useSubmission } from '../../app/useSubmission.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatMinute } from '../intake/intakeTime.ts';
import type { Directory } from '../users/directory.ts';
import { SUPPORT_KINDS } from '../../../../src/modules/cases/cooperation.contract.ts';
import { cooperationApi, jstInstantOf, type SupportAnswer, type SupportRequestView } from './cooperation.api.ts';
import {
  CooperationErrorMessage,
  CooperationHistory,
  CooperationStatusBadge,
  OverdueBadge,
  RecordBlock,
  useCooperationLabel,
} from './CaseCooperationParts.tsx';

export function SupportRequestItem({
  request,
  directory,
  showCase,
  onAnswered,
}: {
  request: SupportRequestView;
  directory: Directory;
  showCase: boolean;
  onAnswered: (answered: SupportRequestView) => void;
}) {
  const { t, language } = useI18n();
  const session = useSession();
  const can = useCan();
  const label = useCooperationLabel();
  const mayAnswer = can('case.write') && session.user.unitId === request.targetUnitId && request.allowedTransitions.length > 0;
  return (
    <Stack gap={4} data-support-request-id={request.id} data-status={request.status}>
      <Group gap={6} wrap="wrap">
        {showCase && (
          <Anchor component={Link} href={PATHS.case(request.caseId)} size="sm" fw={500}>
            {request.caseNo}
          </Anchor>
        )}
        {showCase && (
          <Text size="sm" className="break-anywhere">
            {request.caseTitle ?? t('support.sensitive_title')}
          </Text>
        )}
        <Text size="sm" fw={500}>
          {label('support_kind', request.kind)}
        </Text>
        <CooperationStatusBadge group="support_status" status={request.status} />
        {request.overdue && <OverdueBadge />}
      </Group>
      <Text size="xs" c="dimmed">
        {t('cooperation.support_facts', {
          unit: directory.unitLabel(request.requesterUnitId),
          person: directory.personLabel(request.requestedBy),
          at: formatMinute(language, request.createdAt),
          deadline: formatMinute(language, request.deadlineAt),
        })}
      </Text>
      <Text size="sm" className="reporter-text" data-testid="support-request-text">
        {request.text}
      </Text>
      {request.answeredAt && (
        <Text size="xs" c="dimmed">
          {t('cooperation.answered_line', { person: directory.personLabel(request.answeredBy), at: formatMinute(language, request.answeredAt) })}
        </Text>
      )}
      {request.declineReason && (
        <Text size="sm" className="reporter-text">
          {t('cooperation.decline_reason_line', { reason: request.declineReason })}
        </Text>
      )}
      {request.escalatedAt && (
        <Text size="xs" c="red">
          {t('cooperation.escalated_line', { at: formatMinute(language, request.escalatedAt) })}
        </Text>
      )}
      <CooperationHistory events={request.history} group="support_status" personLabel={directory.personLabel} />
      {mayAnswer && <SupportAnswerForm request={request} onAnswered={onAnswered} />}
    </Stack>
  );
}

const ANSWER_LABELS = { accepted: 'cooperation.accept', declined: 'cooperation.decline', done: 'cooperation.mark_done' } as const;

function SupportAnswerForm({ request, onAnswered }: { request: SupportRequestView; onAnswered: (answered: SupportRequestView) => void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const { error, isBusy, run } = useSubmission();
  const answers = request.allowedTransitions.filter((to): to is SupportAnswer => to !== 'requested');
  const answer = (to: SupportAnswer) =>
    void run(async () => {
      onAnswered(await cooperationApi.answerSupport(request.id, to, reason.trim()));
      setReason('');
    });
  return (
    <Stack gap="xs">
      <Textarea
        label={t('cooperation.answer_note')}
        value={reason}
        onChange={(event) => setReason(event.currentTarget.value)}
        maxLength={2000}
        autosize
        minRows={1}
      />
      <Group gap="xs">
        {answers.map((to) => (
          <Button key={to} size="compact-sm" variant={to === 'declined' ? 'default' : 'filled'} onClick={() => answer(to)} disabled={isBusy}>
            {t(ANSWER_LABELS[to])}
          </Button>
        ))}
      </Group>
      <CooperationErrorMessage error={error} group="support_status" />
    </Stack>
  );
}

/** The case's support requests and, unless the cyber division owns the case, the form to make one. */
export function SupportRequestsBlock({
  caseId,
  items,
  directory,
  mayRequest,
  onChanged,
}: {
  caseId: string;
  items: readonly SupportRequestView[];
  directory: Directory;
  mayRequest: boolean;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  return (
    <RecordBlock
      testId="case-support-requests"
      title={t('cooperation.support_title')}
      none={t('cooperation.support_none')}
      items={items}
      renderItem={(request) => <SupportRequestItem request={request} directory={directory} showCase={false} onAnswered={onChanged} />}
      form={mayRequest && <SupportRequestForm caseId={caseId} onCreated={onChanged} />}
    />
  );
}

function SupportRequestForm({ caseId, onCreated }: { caseId: string; onCreated: () => void }) {
  const { t } = useI18n();
  const label = useCooperationLabel();
  const [kind, setKind] = useState<string | null>('analysis');
  const [text, setText] = useState('');
  const [deadline, setDeadline] = useState('');
  const [isChecked, setChecked] = useState(false);
  const { error, isBusy, run } = useSubmission();
  const chosenKind = SUPPORT_KINDS.find((k) => k === kind);
  const deadlineAt = jstInstantOf(deadline);

  function submit(event: SubmitEvent) {
    event.preventDefault();
    setChecked(true);
    if (!chosenKind || text.trim() === '' || !deadlineAt) return;
    void run(async () => {
      await cooperationApi.requestSupport(caseId, { kind: chosenKind, text: text.trim(), deadlineAt });
      setText('');
      setDeadline('');
      setChecked(false);
      onCreated();
    });
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t('cooperation.support_submit')}>
      <Stack gap="xs">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label={t('cooperation.support_kind_label')}
            data={SUPPORT_KINDS.map((value) => ({ value, label: label('support_kind', value) }))}
            value={kind}
            onChange={setKind}
            allowDeselect={false}
            withAsterisk
          />
          <TextInput
            label={t('cooperation.support_deadline')}
            description={t('cooperation.jst_hint')}
            type="datetime-local"
            value={deadline}
            onChange={(event) => setDeadline(event.currentTarget.value)}
            error={isChecked && !deadlineAt ? t('validation.required') : undefined}
            withAsterisk
          />
        </SimpleGrid>
        <Textarea
          label={t('cooperation.support_text')}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          error={isChecked && text.trim() === '' ? t('validation.required') : undefined}
          maxLength={5000}
          autosize
          minRows={2}
          withAsterisk
        />
        <CooperationErrorMessage error={error} group="support_status" />
        <div>
          <Button type="submit" variant="default" loading={isBusy}>
            {t('cooperation.support_submit')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
