// The report form: kind and reporter, what happened, the questions for the category, files,
// contact details when the kind needs them, and a honeypot. Checked in the browser with the
// server's schema first; the server's own field errors land beside the same fields.
import { Alert, Button, Loader, Stack, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useRef, useState, type SubmitEvent } from 'react';
import { ApiError } from '../../app/api.ts';
import { toApiError } from '../../app/useApiQuery.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { AttachmentPicker } from './AttachmentPicker.tsx';
import { attachmentProblems } from './attachments.ts';
import { ProofOfWorkUnavailableError } from './proofOfWork.ts';
import { newIdempotencyKey, publicReportApi, type Receipt, type ReportFormConfig } from './report.api.ts';
import { KindFields, WhatHappenedFields } from './ReportBasicsFields.tsx';
import { ContactFields } from './ReportContactFields.tsx';
import { DetailFields } from './ReportDetailFields.tsx';
import { detailSectionsFor, emptyDraft, type DraftEditor, type DraftPart, type ReportDraft } from './reportDraft.ts';
import { POW_UNAVAILABLE, ReportErrorAlert } from './ReportErrorAlert.tsx';
import { describeProblems, fieldErrorsFromApi, validateReport, type FieldErrors } from './reportValidation.ts';

type Phase = 'editing' | 'sending' | 'solving';

function submissionError(caught: unknown): ApiError {
  if (caught instanceof ProofOfWorkUnavailableError) return new ApiError(0, { code: POW_UNAVAILABLE, message: '', details: {}, requestId: null });
  return toApiError(caught);
}

export function ReportForm({ config, onSubmitted }: { config: ReportFormConfig; onSubmitted: (receipt: Receipt, summary: string) => void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<ReportDraft>(emptyDraft);
  const [files, setFiles] = useState<File[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [phase, setPhase] = useState<Phase>('editing');
  const [attempt, setAttempt] = useState(0);
  // One key per filled-in form: a retry after a lost answer makes no second report.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const form = useRef<HTMLFormElement>(null);
  const errorSummary = useRef<HTMLDivElement>(null);

  const set = useCallback((change: Partial<ReportDraft>) => setDraft((current) => ({ ...current, ...change })), []);
  const setPart = useCallback(<P extends DraftPart>(part: P, change: Partial<ReportDraft[P]>) => {
    setDraft((current) => ({ ...current, [part]: { ...current[part], ...change } }));
  }, []);
  const editor: DraftEditor = { draft, set, setPart };
  const sections = detailSectionsFor(draft.category, draft.subcategory);
  const hasFieldErrors = Object.keys(errors).length > 0;
  const isBusy = phase !== 'editing';

  // After a refused submission, take keyboard and screen-reader users to the first bad field.
  useEffect(() => {
    if (attempt === 0 || !hasFieldErrors) return;
    // A Mantine radio group marks its error on the group, not on the radios.
    const invalid = form.current?.querySelector<HTMLElement>('[aria-invalid="true"], [role="radiogroup"][aria-describedby$="-error"] input');
    (invalid ?? errorSummary.current)?.focus();
  }, [attempt, hasFieldErrors]);

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (isBusy) return;
    setError(null);
    setAttempt((n) => n + 1);
    const validation = validateReport(draft);
    if (!validation.ok || attachmentProblems(files, config.limits).length > 0) {
      setErrors(validation.ok ? {} : describeProblems(t, validation.problems));
      if (validation.ok) errorSummary.current?.focus();
      return;
    }
    setErrors({});
    setPhase('sending');
    try {
      const receipt = await publicReportApi.submit(validation.body, files, { idempotencyKey, onSolving: () => setPhase('solving') });
      setPhase('editing');
      onSubmitted(receipt, validation.body.summary);
    } catch (caught) {
      const failure = submissionError(caught);
      const fieldErrors = fieldErrorsFromApi(failure);
      setErrors(fieldErrors);
      setError(Object.keys(fieldErrors).length > 0 ? null : failure);
      setPhase('editing');
    }
  }

  return (
    <form ref={form} onSubmit={(event) => void submit(event)} noValidate aria-label={t('report.form.title')}>
      <Stack gap="xl">
        <KindFields editor={editor} errors={errors} />
        <Stack gap="md" component="section" aria-labelledby="report-what">
          <Title order={2} size="h4" id="report-what">
            {t('report.section.what')}
          </Title>
          <WhatHappenedFields editor={editor} errors={errors} stations={config.stations} />
        </Stack>
        <DetailFields sections={sections} editor={editor} errors={errors} />
        <AttachmentPicker
          files={files}
          onChange={setFiles}
          limits={config.limits}
          hint={sections.includes('phishing') ? t('report.attachments.eml_hint') : undefined}
        />
        <ContactFields editor={editor} errors={errors} />
        <Honeypot value={draft.website} onChange={(website) => set({ website })} />
        <Stack gap="sm">
          <div ref={errorSummary} tabIndex={-1} aria-live="assertive" className="report-error-summary">
            {hasFieldErrors && (
              <Alert color="red" variant="light" role="alert" data-testid="report-field-errors">
                {t('report.errors_summary')}
              </Alert>
            )}
          </div>
          <ReportErrorAlert error={error} limits={config.limits} />
          {phase === 'solving' && (
            <Alert color="blue" variant="light" data-testid="report-pow-wait">
              <Stack gap={4} align="flex-start">
                <Loader size="sm" aria-hidden="true" />
                <Text size="sm">{t('report.pow_wait')}</Text>
              </Stack>
            </Alert>
          )}
          <Button type="submit" size="lg" fullWidth loading={isBusy} loaderProps={{ 'aria-label': t('report.submitting') }}>
            {t('report.submit')}
          </Button>
          <Text size="xs" c="dimmed" ta="center">
            {t('report.submit_note')}
          </Text>
        </Stack>
      </Stack>
    </form>
  );
}

/** A field people never see or reach; bots that fill every input give themselves away. */
function Honeypot({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const { t } = useI18n();
  return (
    <div className="report-honeypot" aria-hidden="true">
      <label htmlFor="report-website">{t('report.honeypot')}</label>
      <input
        id="report-website"
        type="text"
        name="website"
        tabIndex={-1}
        autoComplete="off"
        value={value}
        onChange={(event) => onChange(event.currentTarget.value)}
      />
    </div>
  );
}
