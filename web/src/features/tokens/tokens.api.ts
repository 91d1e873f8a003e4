import type { z } from 'zod';
import { ApiTokenList, CreatedApiToken, type ApiTokenSummary, type CreateApiTokenInput } from '../../../../src/modules/accounts/accounts.contract.ts';
import { api } from '../../app/api.ts';

export type ApiToken = z.infer<typeof ApiTokenSummary>;

export const tokensApi = {
  list: async () => (await api.get('/api/tokens', ApiTokenList)).items,
  create: (input: CreateApiTokenInput) => api.post('/api/tokens', input, CreatedApiToken),
  revoke: (tokenId: string) => api.command('DELETE', `/api/tokens/${encodeURIComponent(tokenId)}`),
};
