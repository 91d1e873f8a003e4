// An error from the API or the client, announced to screen readers. Shows the server's message
// (already translated) and its code; client-side codes use the catalogue.
import { Alert, Text } from '@mantine/core';
import type { ApiError } from '../app/api.ts';
import { isMessageKey, useI18n, type Translate } from '../i18n/i18n.tsx';

export function describeError(t: Translate, error: ApiError): string {
  if (error.message) return error.message;
  const key = `error.${error.code}`;
  if (isMessageKey(key)) return t(key);
  return t('error.unexpected');
}

export function ErrorMessage({ error }: { error: ApiError | null }) {
  const { t } = useI18n();
  return (
    <div aria-live="assertive" aria-atomic="true">
      {error && (
        <Alert color="red" variant="light" title={t('error.title')} role="alert">
          <Text size="sm">{describeError(t, error)}</Text>
          <Text size="xs" c="dimmed">
            {t('error.code', { code: error.code })}
            {error.requestId ? ` · ${t('error.request_id', { requestId: error.requestId })}` : ''}
          </Text>
        </Alert>
      )}
    </div>
  );
}
