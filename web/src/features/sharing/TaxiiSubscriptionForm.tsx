// Adds a subscription to a remote TAXII 2.1 collection: its API root and collection, how Koban
// authenticates (nothing, a bearer token or Basic; the secret is write-only), how often to poll
// and the TLP given to polled objects that carry no marking.
import { Button, NumberInput, PasswordInput, SegmentedControl, Select, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useState, type SubmitEvent } from 'react';
import { AUTH_KINDS, type AuthKind, type SubscriptionAuth } from '../../../../src/modules/sharing/taxii/taxii-subscriptions.contract.ts';
import { useSubmission } from '../../app/useSubmission.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { isTlp, useTlpHint, useTlpOptions, type Tlp } from '../../components/TlpBadge.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { bodyProblemsOf } from '../cases/cases.api.ts';
import { sharingApi } from './sharing.api.ts';
import { useSharingLabel } from './sharingLabels.ts';

const MIN_INTERVAL_MINUTES = 1;
const MAX_INTERVAL_MINUTES = 7 * 24 * 60;

type Draft = {
  name: string;
  apiRootUrl: string;
  collectionId: string;
  authKind: AuthKind;
  token: string;
  username: string;
  password: string;
  intervalMinutes: number;
  defaultTlp: Tlp;
  enabled: boolean;
};

const EMPTY: Draft = {
  name: '',
  apiRootUrl: '',
  collectionId: '',
  authKind: 'bearer',
  token: '',
  username: '',
  password: '',
  intervalMinutes: 60,
  defaultTlp: 'amber',
  enabled: true,
};

function authOf(draft: Draft): SubscriptionAuth {
  switch (draft.authKind) {
    case 'none':
      return { kind: 'none' };
    case 'bearer':
      return { kind: 'bearer', token: draft.token };
    case 'basic':
      return { kind: 'basic', username: draft.username.trim(), password: draft.password };
  }
}

/** The required fields left empty, by name. */
function missingOf(draft: Draft): Set<keyof Draft> {
  const missing = new Set<keyof Draft>();
  if (!draft.name.trim()) missing.add('name');
  if (!draft.apiRootUrl.trim()) missing.add('apiRootUrl');
  if (!draft.collectionId.trim()) missing.add('collectionId');
  if (draft.authKind === 'bearer' && !draft.token) missing.add('token');
  if (draft.authKind === 'basic' && !draft.username.trim()) missing.add('username');
  if (draft.authKind === 'basic' && !draft.password) missing.add('password');
  return missing;
}

export function TaxiiSubscriptionForm({ onCreated }: { onCreated: () => void }) {
  const { t } = useI18n();
  const label = useSharingLabel();
  const tlpOptions = useTlpOptions();
  const tlpHint = useTlpHint();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [missing, setMissing] = useState<Set<keyof Draft>>(new Set());
  const { error, isBusy, run } = useSubmission();
  const problems = bodyProblemsOf(error);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((current) => ({ ...current, [key]: value }));
    setMissing((current) => {
      const next = new Set(current);
      next.delete(key);
      return next;
    });
  };
  const required = (key: keyof Draft) => (missing.has(key) ? t('validation.required') : undefined);

  function submit(event: SubmitEvent) {
    event.preventDefault();
    const found = missingOf(draft);
    setMissing(found);
    if (found.size > 0) return;
    void run(async () => {
      await sharingApi.createSubscription({
        name: draft.name.trim(),
        apiRootUrl: draft.apiRootUrl.trim(),
        collectionId: draft.collectionId.trim(),
        auth: authOf(draft),
        intervalSeconds: draft.intervalMinutes * 60,
        defaultTlp: draft.defaultTlp,
        enabled: draft.enabled,
      });
      setDraft(EMPTY);
      onCreated();
    });
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="taxii-new-title">
      <Stack gap="sm" maw={720}>
        <TextInput
          label={t('sharing.sub_name')}
          value={draft.name}
          onChange={(e) => set('name', e.currentTarget.value)}
          error={required('name') ?? problems.name}
          maxLength={200}
          withAsterisk
        />
        <TextInput
          label={t('sharing.sub_api_root')}
          description={t('sharing.sub_api_root_hint')}
          placeholder="https://taxii.example.jp/api1/"
          value={draft.apiRootUrl}
          onChange={(e) => set('apiRootUrl', e.currentTarget.value)}
          error={required('apiRootUrl') ?? problems.apiRootUrl}
          maxLength={2000}
          withAsterisk
        />
        <TextInput
          label={t('sharing.sub_collection')}
          value={draft.collectionId}
          onChange={(e) => set('collectionId', e.currentTarget.value)}
          error={required('collectionId') ?? problems.collectionId}
          maxLength={200}
          withAsterisk
        />
        <div>
          <Text size="sm" fw={500} id="taxii-auth-label">
            {t('sharing.sub_auth')}
          </Text>
          <SegmentedControl
            aria-labelledby="taxii-auth-label"
            data={AUTH_KINDS.map((value) => ({ value, label: label('auth_kind', value) }))}
            value={draft.authKind}
            onChange={(value) => set('authKind', AUTH_KINDS.find((kind) => kind === value) ?? 'none')}
          />
        </div>
        {draft.authKind === 'bearer' && (
          <PasswordInput
            label={t('sharing.sub_token')}
            description={t('sharing.sub_secret_hint')}
            value={draft.token}
            onChange={(e) => set('token', e.currentTarget.value)}
            error={required('token')}
            maxLength={4096}
            autoComplete="off"
            withAsterisk
          />
        )}
        {draft.authKind === 'basic' && (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={t('sharing.sub_username')}
              value={draft.username}
              onChange={(e) => set('username', e.currentTarget.value)}
              error={required('username')}
              maxLength={200}
              autoComplete="off"
              withAsterisk
            />
            <PasswordInput
              label={t('sharing.sub_password')}
              description={t('sharing.sub_secret_hint')}
              value={draft.password}
              onChange={(e) => set('password', e.currentTarget.value)}
              error={required('password')}
              maxLength={4096}
              autoComplete="new-password"
              withAsterisk
            />
          </SimpleGrid>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <NumberInput
            label={t('sharing.sub_interval')}
            description={t('sharing.sub_interval_hint')}
            value={draft.intervalMinutes}
            onChange={(value) => typeof value === 'number' && set('intervalMinutes', value)}
            min={MIN_INTERVAL_MINUTES}
            max={MAX_INTERVAL_MINUTES}
            allowDecimal={false}
            clampBehavior="strict"
            error={problems.intervalSeconds}
          />
          <Select
            label={t('sharing.sub_default_tlp')}
            description={tlpHint(draft.defaultTlp)}
            data={tlpOptions}
            value={draft.defaultTlp}
            onChange={(value) => isTlp(value) && set('defaultTlp', value)}
            allowDeselect={false}
          />
        </SimpleGrid>
        <Switch label={t('sharing.sub_enabled')} checked={draft.enabled} onChange={(e) => set('enabled', e.currentTarget.checked)} />
        <ErrorMessage error={error} />
        <div>
          <Button type="submit" loading={isBusy}>
            {t('sharing.sub_create')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
