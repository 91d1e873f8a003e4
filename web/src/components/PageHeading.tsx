// The page's <h1> and the document title. Focus moves to the heading when a page opens, so
// keyboard and screen-reader users start at the new content.
import { Group, Title } from '@mantine/core';
import { useEffect, useRef, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

export function PageHeading({ title, actions }: { title: string; actions?: ReactNode }) {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = t('app.document_title', { page: title });
  }, [t, title]);

  useEffect(() => {
    if (document.activeElement === document.body || document.activeElement?.closest('nav')) heading.current?.focus({ preventScroll: true });
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
