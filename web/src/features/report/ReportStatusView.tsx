// One report's stage as four steps, its times in Japan time, the additions so far, and the form
// to add more. Only what the server's PublicStatus holds: no names, no text, no officers.
import { Alert, Button, Card, List, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState, type SubmitEvent } from 'react';
import type { ApiError } from '../../app/api.ts';
import { useApiQuery, toApiError } from '../../app/useApiQuery.ts';
import { formatDateTime, useI18n } from '../../i18n/i18n.tsx';
import { PUBLIC_STAGES } from '../../../../src/modules/intake/intake.taxonomy.ts';
import { AttachmentPicker } from './AttachmentPicker.tsx';
import { attachmentProblems, type UploadLimits } from './attachments.ts';
import { publicReportApi, type ReportStatus, type StatusLookup } from './report.api.ts';
import { ReportErrorAlert } from './ReportErrorAlert.tsx';
import { fieldErrorsFromApi, type FieldErrors } from './reportValidation.ts';

type Props = { lookup: StatusLookup; status: ReportStatus; onStatusChange: (status: ReportStatus) => void; onClose: () => void };

export function ReportStatusView({ lookup, status, onStatusChange, onClose }: Props) {
  const { t, language } = useI18n();
  const config = useApiQuery(() => publicReportApi.form());
  return (
    <Stack gap="lg" data-testid="report-status">
      <Card withBorder radius="md" p="md">
        <Stack gap="md">
          <div>
            <Text size="sm" c="dimmed">
              {t('report.receipt.receipt_no')}
            </Text>
            <Text className="status-receipt-number" data-testid="status-receipt-no">
              {status.receiptNo}
            </Text>
          </div>
          <Text fw={700} data-testid="status-stage">
            {t('report.status.current', { stage: t(`report.stage.${status.stage}`) })}
          </Text>
          <StageSteps stage={status.stage} />
          <Text size="sm">{t(`report.stage_hint.${status.stage}`)}</Text>
          <dl className="status-times">
            <dt>{t('report.status.submitted_at')}</dt>
            <dd data-testid="status-submitted-at">{formatDateTime(language, status.submittedAt)}</dd>
            <dt>{t('report.status.updated_at')}</dt>
            <dd data-testid="status-updated-at">{formatDateTime(language, status.updatedAt)}</dd>
          </dl>
        </Stack>
      </Card>
      <Alert color="gray" variant="light">
        <Text size="sm">{t('report.warning.no_progress')}</Text>
      </Alert>
      {status.additions.length > 0 && (
        <Stack gap="xs" component="section" aria-labelledby="status-additions">
          <Title order={2} size="h4" id="status-additions">
            {t('report.status.additions')}
          </Title>
          <List size="sm" spacing={4} data-testid="status-additions">
            {status.additions.map((addition, index) => (
              <List.Item key={`${addition.at}-${String(index)}`}>
                {t('report.status.addition_line', { time: formatDateTime(language, addition.at), count: addition.attachments })}
              </List.Item>
            ))}
          </List>
        </Stack>
      )}
      {config.data && <AddInformationForm lookup={lookup} limits={config.data.limits} onAdded={onStatusChange} />}
      <div>
        <Button variant="default" size="md" onClick={onClose}>
          {t('report.status.another')}
        </Button>
      </div>
    </Stack>
  );
}

/** The four public stages as an ordered list: done ones ticked, the current one marked. */
function StageSteps({ stage }: { stage: ReportStatus['stage'] }) {
  const { t } = useI18n();
  const current = PUBLIC_STAGES.indexOf(stage);
  const isFinished = stage === 'done';
  return (
    <ol className="stage-steps" aria-label={t('report.status.steps_label')}>
      {PUBLIC_STAGES.map((step, index) => {
        const state = index < current || isFinished ? 'done' : index === current ? 'current' : 'todo';
        return (
          <li key={step} className="stage-step" data-state={state} aria-current={index === current ? 'step' : undefined}>
            <span className="stage-marker" aria-hidden="true">
              {state === 'done' ? '✓' : String(index + 1)}
            </span>
            <span className="stage-label">{t(`report.stage.${step}`)}</span>
            <span className="visually-hidden">{t(`report.step_state.${state}`)}</span>
          </li>
        );
      })}
    </ol>
  );
}

function AddInformationForm({ lookup, limits, onAdded }: { lookup: StatusLookup; limits: UploadLimits; onAdded: (status: ReportStatus) => void }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [isBusy, setBusy] = useState(false);
  const [isAdded, setAdded] = useState(false);

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    setError(null);
    setAdded(false);
    if (text.trim() === '' && files.length === 0) {
      setErrors({ text: t('report.add.empty') });
      return;
    }
    setErrors({});
    if (attachmentProblems(files, limits).length > 0) return;
    setBusy(true);
    try {
      const status = await publicReportApi.addInformation(lookup.receiptNo, lookup.secret, text, files);
      setText('');
      setFiles([]);
      setAdded(true);
      onAdded(status);
    } catch (caught) {
      const failure = toApiError(caught);
      const fieldErrors = fieldErrorsFromApi(failure);
      setErrors(fieldErrors);
      if (Object.keys(fieldErrors).length === 0) setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card withBorder radius="md" p="md" component="section" aria-labelledby="add-information">
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="md">
          <Title order={2} size="h4" id="add-information">
            {t('report.add.title')}
          </Title>
          <Text size="sm">{t('report.add.intro')}</Text>
          <Textarea
            size="md"
            label={t('report.add.text')}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            error={errors.text}
            autosize
            minRows={4}
            maxRows={14}
          />
          <AttachmentPicker files={files} onChange={setFiles} limits={limits} testId="add-attachments" />
          <ReportErrorAlert error={error} limits={limits} />
          <div aria-live="polite">
            {isAdded && (
              <Alert color="teal" variant="light" data-testid="add-done">
                {t('report.add.done')}
              </Alert>
            )}
          </div>
          <Button type="submit" size="md" loading={isBusy}>
            {t('report.add.submit')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
