import { Button, Card, Checkbox, Group, NumberInput, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useState, type SubmitEvent } from 'react';
import type { ApiError } from '../../app/api.ts';
import { useSession } from '../../app/session.tsx';
import { toApiError } from '../../app/useApiQuery.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { fieldErrorsOf } from '../../components/fieldErrors.ts';
import { isMessageKey, useI18n } from '../../i18n/i18n.tsx';
import { tokensApi } from './tokens.api.ts';

const DEFAULT_EXPIRY_DAYS = 90;
const MAXIMUM_EXPIRY_DAYS = 730;

export function CreateTokenForm({ onCreated }: { onCreated: (token: string) => void }) {
  const { t } = useI18n();
  const session = useSession();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<string[]>([]);
  const [expiresInDays, setExpiresInDays] = useState<number | string>(DEFAULT_EXPIRY_DAYS);
  const [problems, setProblems] = useState<{ name?: boolean; scopes?: boolean; expiry?: boolean }>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [isSaving, setSaving] = useState(false);
  const serverProblems = fieldErrorsOf(error);

  const permissionLabel = (permission: string) => {
    const key = `permission.${permission}`;
    return isMessageKey(key) ? t(key) : permission;
  };

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    const days = typeof expiresInDays === 'number' ? expiresInDays : null;
    const found = { name: !name.trim(), scopes: scopes.length === 0, expiry: days !== null && (days < 1 || days > MAXIMUM_EXPIRY_DAYS) };
    setProblems(found);
    if (found.name || found.scopes || found.expiry) return;
    setSaving(true);
    setError(null);
    try {
      const created = await tokensApi.create(days === null ? { name: name.trim(), scopes } : { name: name.trim(), scopes, expiresInDays: days });
      onCreated(created.token);
      setName('');
      setScopes([]);
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Card withBorder component="section" aria-labelledby="token-create-title" mb="md">
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4" id="token-create-title">
            {t('tokens.create_title')}
          </Title>
          <ErrorMessage error={error} />
          <TextInput
            label={t('tokens.name')}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={problems.name ? t('validation.required') : serverProblems.name}
            required
          />
          <Checkbox.Group
            label={t('tokens.scopes')}
            description={t('tokens.scopes_hint')}
            value={scopes}
            onChange={setScopes}
            error={problems.scopes ? t('tokens.scopes_required') : serverProblems.scopes}
            withAsterisk
          >
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={6} mt={6}>
              {session.permissions.map((permission) => (
                <Checkbox key={permission} value={permission} label={permissionLabel(permission)} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <NumberInput
            label={t('tokens.expires_in_days')}
            description={t('tokens.expires_hint', { maximum: MAXIMUM_EXPIRY_DAYS })}
            min={1}
            max={MAXIMUM_EXPIRY_DAYS}
            allowDecimal={false}
            value={expiresInDays}
            onChange={setExpiresInDays}
            error={problems.expiry ? t('tokens.expiry_range', { maximum: MAXIMUM_EXPIRY_DAYS }) : serverProblems.expiresInDays}
            w={{ base: '100%', sm: 240 }}
          />
          <Group>
            <Button type="submit" loading={isSaving}>
              {t('tokens.create_submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
