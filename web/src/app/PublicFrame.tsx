// The frame of the public pages (/report …): no session, no staff navigation. Product and portal
// name, the language switch, the page, and links between the public pages.
import { Anchor, Box, Center, Group, Loader, Stack, Text } from '@mantine/core';
import { Suspense } from 'react';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { Link } from './router.tsx';
import { PATHS, type PublicRouteMatch } from './routes.tsx';
import './public-frame.css';

export function PublicFrame({ route }: { route: PublicRouteMatch }) {
  const { t } = useI18n();
  const Page = route.page;
  return (
    <Box className="public-frame">
      <a href="#main" className="skip-link">
        {t('app.skip_to_main')}
      </a>
      <Box component="header" className="public-header">
        <Group justify="space-between" wrap="nowrap" gap="xs" className="public-column">
          <Stack gap={0} className="public-brand">
            <Text size="xs" c="dimmed" fw={700}>
              {t('report.frame.brand')}
            </Text>
            <Anchor component={Link} href={PATHS.report} fw={700} c="var(--mantine-color-text)" underline="never" className="product-name">
              {t('report.frame.portal_name')}
            </Anchor>
          </Stack>
          <LanguageSwitch />
        </Group>
      </Box>
      <Box component="main" id="main" tabIndex={-1} className="public-main public-column">
        <Suspense
          fallback={
            <Center py="xl">
              <Loader aria-label={t('common.loading')} />
            </Center>
          }
        >
          <Page params={route.params} />
        </Suspense>
      </Box>
      <Box component="footer" className="public-footer">
        <Stack gap="xs" className="public-column">
          <Group gap="md" component="nav" aria-label={t('report.frame.nav_label')}>
            <Anchor component={Link} href={PATHS.report} size="sm">
              {t('report.frame.form_link')}
            </Anchor>
            <Anchor component={Link} href={PATHS.reportStatus} size="sm">
              {t('report.frame.status_link')}
            </Anchor>
          </Group>
          <Text size="xs" c="dimmed">
            {t('report.frame.footer')}
          </Text>
        </Stack>
      </Box>
    </Box>
  );
}
