// A secret the server shows once (initial password, API token): large, selectable, with a copy
// button and a warning that it will not be shown again.
import { Alert, Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';
import { useI18n } from '../i18n/i18n.tsx';

export function OneTimeSecret({ label, value, testId }: { label: string; value: string; testId?: string }) {
  const { t } = useI18n();
  return (
    <Alert color="yellow" variant="light" title={label}>
      <Stack gap="xs">
        <Group gap="sm" wrap="wrap">
          <Code fz="lg" data-testid={testId} aria-label={label} style={{ wordBreak: 'break-all', userSelect: 'all' }}>
            {value}
          </Code>
          <CopyButton value={value}>
            {({ copied, copy }) => (
              <Button size="xs" variant="default" onClick={copy}>
                {copied ? t('common.copied') : t('common.copy')}
              </Button>
            )}
          </CopyButton>
        </Group>
        <Text size="sm">{t('common.shown_once')}</Text>
      </Stack>
    </Alert>
  );
}
