// The frame of the log-in steps: product name, language switch, one card in the middle.
import { Box, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useEffect, type ReactNode } from 'react';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

export function AuthFrame({ title, children, footer }: { title: string; children: ReactNode; footer?: ReactNode }) {
  const { t } = useI18n();
  useEffect(() => {
    document.title = t('app.document_title', { page: title });
  }, [t, title]);

  return (
    <Box className="auth-frame">
      <Box component="header" className="auth-header">
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Text fw={700} size="md" className="product-name">
            {t('app.name')}
          </Text>
          <LanguageSwitch />
        </Group>
      </Box>
      <Box component="main" id="main" className="auth-main">
        <Card withBorder shadow="sm" radius="md" p="lg" className="auth-card">
          <Stack gap="md">
            <Title order={1} size="h3">
              {title}
            </Title>
            {children}
          </Stack>
        </Card>
        {footer}
      </Box>
    </Box>
  );
}
