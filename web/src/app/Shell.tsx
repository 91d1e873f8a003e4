// The signed-in frame: header (product, notices, user, language, log-out), navbar (burger on phones) and
// the page for the current URL.
import { AppShell, Box, Burger, Button, Center, Group, Loader, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense, useEffect } from 'react';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { ForbiddenPage } from '../features/errors/ForbiddenPage.tsx';
import { NotFoundPage } from '../features/errors/NotFoundPage.tsx';
import { NotificationBell } from '../features/notifications/NotificationBell.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { NavMenu } from './NavMenu.tsx';
import { matchPath, navigate, usePathname } from './router.tsx';
import { ROOT_REDIRECT, ROUTES } from './routes.tsx';
import { useCan, useSession, useSessionState } from './session.tsx';

export function Shell() {
  const { t } = useI18n();
  const [isNavOpen, { toggle, close }] = useDisclosure(false);
  const pathname = usePathname();

  useEffect(() => close(), [pathname, close]);
  useEffect(() => {
    if (pathname === ROOT_REDIRECT.from) navigate(ROOT_REDIRECT.to, { replace: true });
  }, [pathname]);

  return (
    <>
      <a href="#main" className="skip-link">
        {t('app.skip_to_main')}
      </a>
      <AppShell header={{ height: 56 }} navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !isNavOpen } }} padding="md">
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="xs">
            <Group gap="sm" wrap="nowrap" className="header-brand">
              <Burger
                opened={isNavOpen}
                onClick={toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={t('app.toggle_navigation')}
                aria-expanded={isNavOpen}
                aria-controls="app-navbar"
              />
              <Text component="span" fw={700} className="product-name">
                {t('app.name')}
              </Text>
            </Group>
            <Group gap="xs" wrap="nowrap">
              <NotificationBell />
              <Box visibleFrom="sm">
                <UserControls />
              </Box>
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar id="app-navbar" aria-label={t('nav.label')} p="xs" className={isNavOpen ? undefined : 'navbar-collapsed'}>
          <NavMenu />
          <Box hiddenFrom="sm" pt="sm" className="navbar-user">
            <UserControls stacked />
          </Box>
        </AppShell.Navbar>
        <AppShell.Main id="main" tabIndex={-1}>
          <CurrentPage pathname={pathname} />
        </AppShell.Main>
      </AppShell>
    </>
  );
}

function UserControls({ stacked = false }: { stacked?: boolean }) {
  const { t } = useI18n();
  const session = useSession();
  const { signOut } = useSessionState();
  return (
    <Group gap="sm" wrap={stacked ? 'wrap' : 'nowrap'} justify={stacked ? 'flex-start' : 'flex-end'}>
      <Text size="sm" data-testid="current-user" className="current-user">
        {t('header.signed_in_as', { name: session.user.displayName })}
      </Text>
      <LanguageSwitch />
      <Button size="xs" variant="default" onClick={() => void signOut()}>
        {t('header.logout')}
      </Button>
    </Group>
  );
}

function CurrentPage({ pathname }: { pathname: string }) {
  const { t } = useI18n();
  const can = useCan();
  if (pathname === ROOT_REDIRECT.from) return null;
  for (const route of ROUTES) {
    const params = matchPath(route.path, pathname);
    if (!params) continue;
    if (route.permission && !can(route.permission)) return <ForbiddenPage />;
    const Page = route.page;
    return (
      <Suspense
        fallback={
          <Center py="xl">
            <Loader aria-label={t('common.loading')} />
          </Center>
        }
      >
        <Page params={params} />
      </Suspense>
    );
  }
  return <NotFoundPage />;
}
