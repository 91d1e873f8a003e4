// Chooses what to show: a public page (the reporting portal) whatever the session, otherwise the
// log-in steps until the session is active, then the shell.
import { Center, Loader } from '@mantine/core';
import { useEffect } from 'react';
import { LoginPage } from '../features/auth/LoginPage.tsx';
import { PasswordChangePage } from '../features/auth/PasswordChangePage.tsx';
import { TotpEnrolmentPage } from '../features/auth/TotpEnrolmentPage.tsx';
import { TotpPage } from '../features/auth/TotpPage.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { configureApiClient } from './api.ts';
import { PublicFrame } from './PublicFrame.tsx';
import { usePathname } from './router.tsx';
import { matchPublicRoute } from './routes.tsx';
import { useSessionState } from './session.tsx';
import { Shell } from './Shell.tsx';

export function App() {
  const { t, language } = useI18n();
  const { state } = useSessionState();
  const publicRoute = matchPublicRoute(usePathname());

  useEffect(() => configureApiClient({ language }), [language]);

  // Citizens have no account: a public page does not wait for the session check.
  if (publicRoute) return <PublicFrame route={publicRoute} />;

  switch (state.status) {
    case 'loading':
      return (
        <Center component="main" h="100vh">
          <Loader aria-label={t('common.loading')} />
        </Center>
      );
    case 'anonymous':
      return <LoginPage notice={state.notice} />;
    case 'signed-in':
      switch (state.session.stage) {
        case 'totp':
          return <TotpPage />;
        case 'password_change':
          return <PasswordChangePage />;
        case 'totp_enrolment':
          return <TotpEnrolmentPage />;
        case 'active':
          return <Shell />;
      }
  }
}
