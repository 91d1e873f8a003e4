import type { z } from 'zod';
import { SessionView, TotpConfirmation, TotpEnrolment } from '../../../../src/modules/accounts/accounts.contract.ts';
import { api } from '../../app/api.ts';

export const authApi = {
  login: (username: string, password: string) => api.post('/api/auth/login', { username, password }, SessionView),
  verifySecondFactor: (code: string) => api.post('/api/auth/totp', { code }, SessionView),
  changePassword: (currentPassword: string, newPassword: string) => api.post('/api/auth/password', { currentPassword, newPassword }, SessionView),
  startTotpEnrolment: () => api.post('/api/auth/totp/enrolment', {}, TotpEnrolment),
  confirmTotpEnrolment: (code: string) => api.post('/api/auth/totp/enrolment/confirm', { code }, TotpConfirmation),
};

export type TotpEnrolmentView = z.infer<typeof TotpEnrolment>;
