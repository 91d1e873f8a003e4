// Leaves a half-finished log-in (TOTP, password change, enrolment).
import { Button } from '@mantine/core';
import { useSessionState } from '../../app/session.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

export function SignOutLink() {
  const { t } = useI18n();
  const { signOut } = useSessionState();
  return (
    <Button variant="subtle" size="xs" mt="sm" onClick={() => void signOut()}>
      {t('login.cancel_and_logout')}
    </Button>
  );
}
