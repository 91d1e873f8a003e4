// APIトークン: the user's own tokens; a new token is shown once; revoke with confirmation.
import { Badge, Box, Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { ApiError } from '../../app/api.ts';
import { toApiError, useApiQuery } from '../../app/useApiQuery.ts';
import { QueryView } from '../../app/QueryView.tsx';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { OneTimeSecret } from '../../components/OneTimeSecret.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { formatDateTime, useI18n } from '../../i18n/i18n.tsx';
import { CreateTokenForm } from './CreateTokenForm.tsx';
import { tokensApi, type ApiToken } from './tokens.api.ts';

export function TokensPage() {
  const { t } = useI18n();
  const tokens = useApiQuery(() => tokensApi.list());
  const [newToken, setNewToken] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);

  return (
    <>
      <PageHeading title={t('tokens.title')} />
      <QueryView query={tokens}>
        {(items) => (
          <>
            <Box aria-live="polite" mb={newToken ? 'md' : 0}>
              {newToken && <OneTimeSecret label={t('tokens.new_token')} value={newToken} testId="new-token" />}
            </Box>
            <CreateTokenForm
              onCreated={(token) => {
                setNewToken(token);
                tokens.reload();
              }}
            />
            <TokensTable tokens={items} onRevoke={setRevoking} />
          </>
        )}
      </QueryView>
      {revoking && (
        <RevokeModal
          token={revoking}
          onClose={() => setRevoking(null)}
          onRevoked={() => {
            setRevoking(null);
            tokens.reload();
          }}
        />
      )}
    </>
  );
}

function TokensTable({ tokens, onRevoke }: { tokens: readonly ApiToken[]; onRevoke: (token: ApiToken) => void }) {
  const { t, language } = useI18n();
  if (tokens.length === 0) return <Text c="dimmed">{t('tokens.empty')}</Text>;
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped aria-label={t('tokens.table_label')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('tokens.name')}</Table.Th>
            <Table.Th>{t('tokens.scopes')}</Table.Th>
            <Table.Th>{t('tokens.created_at')}</Table.Th>
            <Table.Th>{t('tokens.expires_at')}</Table.Th>
            <Table.Th>{t('tokens.last_used_at')}</Table.Th>
            <Table.Th>{t('common.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tokens.map((token) => (
            <Table.Tr key={token.id}>
              <Table.Td>{token.name}</Table.Td>
              <Table.Td>
                <Text size="xs">{token.scopes.join(', ')}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="xs">{formatDateTime(language, token.createdAt)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="xs">{token.expiresAt ? formatDateTime(language, token.expiresAt) : t('tokens.never')}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="xs">{token.lastUsedAt ? formatDateTime(language, token.lastUsedAt) : t('tokens.unused')}</Text>
              </Table.Td>
              <Table.Td>
                {token.revokedAt ? (
                  <Badge color="gray" size="sm" tt="none">
                    {t('tokens.revoked')}
                  </Badge>
                ) : (
                  <Button
                    size="compact-xs"
                    color="red"
                    variant="light"
                    onClick={() => onRevoke(token)}
                    aria-label={t('tokens.revoke_named', { name: token.name })}
                  >
                    {t('tokens.revoke')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function RevokeModal({ token, onClose, onRevoked }: { token: ApiToken; onClose: () => void; onRevoked: () => void }) {
  const { t } = useI18n();
  const [error, setError] = useState<ApiError | null>(null);
  const [isBusy, setBusy] = useState(false);

  async function revoke() {
    setBusy(true);
    setError(null);
    try {
      await tokensApi.revoke(token.id);
      onRevoked();
    } catch (caught) {
      setError(toApiError(caught));
      setBusy(false);
    }
  }

  return (
    <Modal opened onClose={onClose} title={t('tokens.revoke_title')}>
      <Stack gap="sm">
        <ErrorMessage error={error} />
        <Text size="sm">{t('tokens.revoke_confirm', { name: token.name })}</Text>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="red" onClick={() => void revoke()} loading={isBusy}>
            {t('tokens.revoke')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
