// A failed submission, said in the citizen's words: size and count limits with the figures, a
// rate limit, a lost connection (retrying is safe), otherwise the server's own message.
import { Alert, Text } from '@mantine/core';
import type { ApiError } from '../../app/api.ts';
import { describeError } from '../../components/ErrorMessage.tsx';
import { useI18n, type Translate } from '../../i18n/i18n.tsx';
import { formatBytes, type UploadLimits } from './attachments.ts';

/** A client-side code: the browser could not solve the proof of work (no WebCrypto). */
export const POW_UNAVAILABLE = 'client.pow_unavailable';

function describeReportError(t: Translate, error: ApiError, limits: UploadLimits | null, format: (bytes: number) => string): string {
  switch (error.code) {
    case 'file.too_large':
    case 'request.too_large':
    case 'intake.report_too_large':
      return limits
        ? t('report.error.too_large', { perFile: format(limits.attachmentMaxBytes), total: format(limits.reportMaxBytes) })
        : describeError(t, error);
    case 'intake.too_many_files':
      return limits ? t('report.error.too_many_files', { max: limits.attachmentMaxFiles }) : describeError(t, error);
    case 'request.rate_limited':
      return t('report.error.rate_limited');
    case 'client.network':
      return t('report.error.network');
    case POW_UNAVAILABLE:
      return t('report.error.pow_unavailable');
    default:
      return error.status === 429 && error.code !== 'intake.proof_of_work_required' ? t('report.error.rate_limited') : describeError(t, error);
  }
}

export function ReportErrorAlert({ error, limits }: { error: ApiError | null; limits: UploadLimits | null }) {
  const { t, language } = useI18n();
  return (
    <div aria-live="assertive" aria-atomic="true">
      {error && (
        <Alert color="red" variant="light" title={t('error.title')} role="alert" data-testid="report-error">
          <Text size="sm">{describeReportError(t, error, limits, (bytes) => formatBytes(language, bytes))}</Text>
          <Text size="xs" c="dimmed">
            {t('error.code', { code: error.code })}
            {error.requestId ? ` · ${t('error.request_id', { requestId: error.requestId })}` : ''}
          </Text>
        </Alert>
      )}
    </div>
  );
}
