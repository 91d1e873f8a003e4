// Where the case stands: the change of status (only to the statuses the server allows from the
// current one, with the reason kept in the history) and the history itself, oldest first.
import { Button, Card, Radio, Stack, Text, Textarea, Timeline, Title } from '@mantine/core';
import { useState, type SubmitEvent } from 'react';
import { useCan } from '../../app/session.tsx';
import { useSubmission } from '../../app/useSubmission.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Section } from '../intake/IntakeParts.tsx';
import { formatMinute } from '../intake/intakeTime.ts';
import { casesApi, isCaseStatus, type CaseStatus } from './cases.api.ts';
import { useCaseStatusLabel } from './caseLabels.ts';
import { CaseErrorMessage, CaseStatusBadge, type CasePartProps } from './CaseParts.tsx';

export function CaseStatusCard({ detail, onChanged, onReload }: CasePartProps) {
  const { t } = useI18n();
  const can = useCan();
  const statusLabel = useCaseStatusLabel();
  const [to, setTo] = useState<CaseStatus | null>(null);
  const [reason, setReason] = useState('');
  const [isMissing, setMissing] = useState(false);
  const { error, isBusy, run } = useSubmission();
  const canChange = can('case.write') && detail.allowedTransitions.length > 0;

  function submit(event: SubmitEvent) {
    event.preventDefault();
    setMissing(to === null);
    if (to === null) return;
    void run(async () => {
      onChanged(await casesApi.changeStatus(detail.id, to, reason.trim(), detail.version));
      setTo(null);
      setReason('');
    });
  }

  return (
    <Card withBorder component="section" aria-labelledby="case-status-title" data-testid="case-status-card">
      <Stack gap="sm">
        <Title order={2} size="h4" id="case-status-title">
          {t('cases.status_title')}
        </Title>
        <div>
          <Text size="xs" c="dimmed">
            {t('cases.current_status')}
          </Text>
          <CaseStatusBadge status={detail.status} />
        </div>
        {canChange && (
          <form onSubmit={submit} noValidate>
            <Stack gap="sm">
              <Radio.Group
                label={t('cases.change_to')}
                value={to ?? ''}
                onChange={(value) => setTo(isCaseStatus(value) ? value : null)}
                error={isMissing ? t('cases.choose_status') : undefined}
              >
                <Stack gap={6} mt={4}>
                  {detail.allowedTransitions.map((status) => (
                    <Radio key={status} value={status} label={statusLabel(status)} />
                  ))}
                </Stack>
              </Radio.Group>
              <Textarea
                label={t('cases.change_reason')}
                value={reason}
                onChange={(event) => setReason(event.currentTarget.value)}
                autosize
                minRows={2}
                maxRows={6}
                maxLength={2000}
              />
              <CaseErrorMessage error={error} onReload={onReload} />
              <Button type="submit" loading={isBusy} fullWidth>
                {t('cases.change_submit')}
              </Button>
            </Stack>
          </form>
        )}
      </Stack>
    </Card>
  );
}

export function StatusHistorySection({ detail, directory }: CasePartProps) {
  const { t, language } = useI18n();
  const statusLabel = useCaseStatusLabel();
  return (
    <Section id="case-history-title" title={t('cases.history_title')} testId="case-history">
      <Timeline active={detail.statusHistory.length - 1} bulletSize={14} lineWidth={2}>
        {detail.statusHistory.map((change, index) => (
          <Timeline.Item
            key={`${String(index)}-${change.to}`}
            title={change.from ? t('cases.history_change', { from: statusLabel(change.from), to: statusLabel(change.to) }) : statusLabel(change.to)}
          >
            {change.reason && (
              <Text size="sm" className="reporter-text">
                {change.reason}
              </Text>
            )}
            <Text size="xs" c="dimmed">
              {formatMinute(language, change.changedAt)} · {directory.personLabel(change.changedBy)}
            </Text>
          </Timeline.Item>
        ))}
      </Timeline>
    </Section>
  );
}
