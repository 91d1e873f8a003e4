// The page's <h1> and the document title. After an in-app navigation focus moves to the
// heading, so keyboard and screen-reader users start at the new content; on a fresh load it
// stays at the top of the document, where the skip link is the first stop.
import { Group, Title } from '@mantine/core';
import { useEffect, useRef, type ReactNode } from 'react';
import { isInAppNavigation } from '../app/router.tsx';
import { useI18n } from '../i18n/i18n.tsx';

export function PageHeading({ title, actions }: { title: string; actions?: ReactNode }) {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = t('app.document_title', { page: title });
  }, [t, title]);

  useEffect(() => {
    if (!isInAppNavigation()) return;
    if (document.activeElement === document.body || document.activeElement?.closest('nav, main')) heading.current?.focus({ preventScroll: true });
  }, []);

  return (
    <Group justify="space-between" align="center" mb="md" wrap="wrap" gap="sm">
      <Title order={1} size="h2" ref={heading} tabIndex={-1} className="page-heading">
        {title}
      </Title>
      {actions}
    </Group>
  );
}
