import { Button, Stack, Text } from '@mantine/core';
import { Link } from '../../app/router.tsx';
import { PATHS } from '../../app/routes.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <Stack gap="sm" data-testid="not-found-page">
      <PageHeading title={t('not_found.title')} />
      <Text>{t('not_found.body')}</Text>
      <div>
        <Button component={Link} href={PATHS.home} variant="light">
          {t('common.back_home')}
        </Button>
      </div>
    </Stack>
  );
}
