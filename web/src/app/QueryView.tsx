// Renders a page's loaded data, or a loader, the 403 page (when the API says auth.forbidden) or
// the error.
import { Center, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { ForbiddenPage } from '../features/errors/ForbiddenPage.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import type { QueryState } from './useApiQuery.ts';

export function QueryView<T>({ query, children }: { query: QueryState<T>; children: (data: T) => ReactNode }) {
  const { t } = useI18n();
  if (query.error?.isForbidden) return <ForbiddenPage />;
  if (query.data !== null) return children(query.data);
  if (query.error) return <ErrorMessage error={query.error} />;
  return (
    <Center py="xl">
      <Loader aria-label={t('common.loading')} />
    </Center>
  );
}
