// One analysis request on the forensic unit's page: the item and the question (as text), the due
// date, the evidence file, and accept / decline (with a reason) / answer (a result and a file).
import { Anchor, Button, Card, FileInput, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState, type SubmitEvent } from 'react';
import { useCan } from '../../app/session.tsx';
import { useSubmission } from '../../app/useSubmission.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { AnalysisAnswer, AnalysisFacts, AnalysisStatusBadge } from '../cases/CaseEvidenceParts.tsx';
import { evidencePaths, type AnalysisRequest } from '../cases/evidence.api.ts';
import type { Directory } from '../users/directory.ts';
import { analysisApi, isAnalysisOpen } from './analysis.api.ts';

type Props = { request: AnalysisRequest; directory: Directory; onChanged: (next: AnalysisRequest) => void };
type Reply = 'decline' | 'answer' | null;

export function AnalysisRequestCard({ request, directory, onChanged }: Props) {
  const { t } = useI18n();
  const can = useCan();
  const [reply, setReply] = useState<Reply>(null);
  const acceptance = useSubmission();
  const isOpen = isAnalysisOpen(request);
  const mayAnswer = isOpen && can('case.write');
  const accept = () => void acceptance.run(async () => onChanged(await analysisApi.accept(request.id)));
  const done = (next: AnalysisRequest) => {
    setReply(null);
    onChanged(next);
  };

  return (
    <Card withBorder padding="sm" data-testid="analysis-request">
      <Stack gap={6}>
        <Group gap={6} wrap="wrap">
          <Text size="sm" fw={700} ff="monospace" className="nowrap" data-testid="analysis-evidence-no">
            {request.evidenceNo}
          </Text>
          <Text size="sm" fw={500} className="break-anywhere">
            {request.evidenceTitle}
          </Text>
          <AnalysisStatusBadge status={request.status} />
        </Group>
        <AnalysisFacts request={request} directory={directory} />
        {request.assigneeId && isOpen && (
          <Text size="xs" c="dimmed">
            {t('analysis.assignee', { person: directory.personLabel(request.assigneeId) })}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          {t('analysis.question')}
        </Text>
        <Text size="sm" className="reporter-text" data-testid="analysis-question">
          {request.question}
        </Text>
        {request.evidenceHasFile && (
          <Anchor href={evidencePaths.analysisEvidenceFile(request.id)} size="sm" data-testid="analysis-evidence-file">
            {t('analysis.download_evidence')}
          </Anchor>
        )}
        <AnalysisAnswer request={request} directory={directory} />
        {mayAnswer && (
          <Group gap="xs" wrap="wrap">
            {request.status === 'requested' && (
              <Button size="xs" onClick={accept} loading={acceptance.isBusy} aria-label={t('analysis.accept_named', { evidenceNo: request.evidenceNo })}>
                {t('analysis.accept')}
              </Button>
            )}
            <Button
              size="xs"
              variant={reply === 'answer' ? 'filled' : 'default'}
              aria-pressed={reply === 'answer'}
              onClick={() => setReply(reply === 'answer' ? null : 'answer')}
            >
              {t('analysis.answer')}
            </Button>
            <Button
              size="xs"
              variant={reply === 'decline' ? 'filled' : 'default'}
              color={reply === 'decline' ? 'red' : 'blue'}
              aria-pressed={reply === 'decline'}
              onClick={() => setReply(reply === 'decline' ? null : 'decline')}
            >
              {t('analysis.decline')}
            </Button>
          </Group>
        )}
        <ErrorMessage error={acceptance.error} />
        {mayAnswer && reply === 'answer' && <AnswerForm requestId={request.id} onDone={done} onCancel={() => setReply(null)} />}
        {mayAnswer && reply === 'decline' && <DeclineForm requestId={request.id} onDone={done} onCancel={() => setReply(null)} />}
      </Stack>
    </Card>
  );
}

type FormProps = { requestId: string; onDone: (next: AnalysisRequest) => void; onCancel: () => void };

function AnswerForm({ requestId, onDone, onCancel }: FormProps) {
  const { t } = useI18n();
  const [result, setResult] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [isChecked, setChecked] = useState(false);
  const { error, isBusy, run } = useSubmission();

  function submit(event: SubmitEvent) {
    event.preventDefault();
    setChecked(true);
    if (result.trim() === '') return;
    void run(async () => onDone(await analysisApi.answer(requestId, result.trim(), file)));
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t('analysis.answer')} className="evidence-action-form">
      <Stack gap="xs">
        <Textarea
          label={t('analysis.result')}
          value={result}
          onChange={(event) => setResult(event.currentTarget.value)}
          error={isChecked && result.trim() === '' ? t('validation.required') : undefined}
          autosize
          minRows={4}
          maxRows={16}
          maxLength={50_000}
          withAsterisk
        />
        <FileInput label={t('analysis.result_file_label')} placeholder={t('evidence.file_placeholder')} value={file} onChange={setFile} clearable />
        <ErrorMessage error={error} />
        <Group gap="xs">
          <Button type="submit" size="sm" loading={isBusy}>
            {t('analysis.answer_submit')}
          </Button>
          <Button size="sm" variant="default" onClick={onCancel} disabled={isBusy}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function DeclineForm({ requestId, onDone, onCancel }: FormProps) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [isChecked, setChecked] = useState(false);
  const { error, isBusy, run } = useSubmission();

  function submit(event: SubmitEvent) {
    event.preventDefault();
    setChecked(true);
    if (reason.trim() === '') return;
    void run(async () => onDone(await analysisApi.decline(requestId, reason.trim())));
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t('analysis.decline')} className="evidence-action-form">
      <Stack gap="xs">
        <Textarea
          label={t('analysis.decline_reason')}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={isChecked && reason.trim() === '' ? t('validation.required') : undefined}
          autosize
          minRows={2}
          maxLength={2000}
          withAsterisk
        />
        <ErrorMessage error={error} />
        <Group gap="xs">
          <Button type="submit" size="sm" color="red" loading={isBusy}>
            {t('analysis.decline_submit')}
          </Button>
          <Button size="sm" variant="default" onClick={onCancel} disabled={isBusy}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
