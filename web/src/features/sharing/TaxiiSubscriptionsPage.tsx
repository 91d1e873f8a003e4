// TAXII 購読: remote TAXII 2.1 collections Koban polls on a schedule (partner feeds, JC3 …). Each
// row shows where it reads from, how it authenticates (never the secret), when it last ran and
// how; 今すぐ取得 polls at once and shows what came in or why it failed.
import { Alert, Anchor, Badge, Button, Group, Modal, Stack, Switch, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { PATHS } from '../../app/routes.tsx';
import { Link } from '../../app/router.tsx';
import { QueryView } from '../../app/QueryView.tsx';
import { useApiQuery } from '../../app/useApiQuery.ts';
import { useSubmission } from '../../app/useSubmission.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { TlpBadge } from '../../components/TlpBadge.tsx';
import { useI18n, type Translate } from '../../i18n/i18n.tsx';
import { Section } from '../intake/IntakeParts.tsx';
import { formatMinute } from '../intake/intakeTime.ts';
import { sharingApi, type PollOutcome, type Subscription } from './sharing.api.ts';
import { ImportCountsLine, SharingNav } from './SharingParts.tsx';
import { useSharingLabel } from './sharingLabels.ts';
import { TaxiiSubscriptionForm } from './TaxiiSubscriptionForm.tsx';

export function TaxiiSubscriptionsPage() {
  const { t } = useI18n();
  const subscriptions = useApiQuery(() => sharingApi.subscriptions());
  return (
    <>
      <PageHeading title={t('sharing.taxii_subs_title')} />
      <SharingNav />
      <Stack gap="xl">
        <Section id="taxii-list-title" title={t('sharing.taxii_subs_list')} testId="taxii-subscriptions">
          <Text size="sm" c="dimmed" mb="sm">
            {t('sharing.taxii_subs_intro')}
          </Text>
          <QueryView query={subscriptions}>{(items) => <SubscriptionTable items={items} onChanged={subscriptions.reload} />}</QueryView>
        </Section>
        <Section id="taxii-new-title" title={t('sharing.taxii_subs_new')} testId="taxii-subscription-new">
          <TaxiiSubscriptionForm onCreated={subscriptions.reload} />
        </Section>
      </Stack>
    </>
  );
}

function intervalText(t: Translate, seconds: number): string {
  return seconds % 3600 === 0 ? t('sharing.interval_hours', { hours: seconds / 3600 }) : t('sharing.interval_minutes', { minutes: Math.round(seconds / 60) });
}

function SubscriptionTable({ items, onChanged }: { items: readonly Subscription[]; onChanged: () => void }) {
  const { t } = useI18n();
  if (items.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('sharing.no_subscriptions')}
      </Text>
    );
  return (
    <Table.ScrollContainer minWidth={960}>
      <Table aria-label={t('sharing.taxii_subs_list')} data-testid="taxii-subscription-table" verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('sharing.sub_name')}</Table.Th>
            <Table.Th>{t('sharing.sub_auth')}</Table.Th>
            <Table.Th>{t('sharing.sub_schedule')}</Table.Th>
            <Table.Th>{t('sharing.sub_last')}</Table.Th>
            <Table.Th>{t('common.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <SubscriptionRow key={item.id} item={item} onChanged={onChanged} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function SubscriptionRow({ item, onChanged }: { item: Subscription; onChanged: () => void }) {
  const { t } = useI18n();
  const label = useSharingLabel();
  const [outcome, setOutcome] = useState<PollOutcome | null>(null);
  const [isDeleting, setDeleting] = useState(false);
  const { error, isBusy, run } = useSubmission();
  const change = (request: () => Promise<unknown>) =>
    void run(async () => {
      await request();
      onChanged();
    });
  return (
    <>
      <Table.Tr data-subscription-id={item.id}>
        <Table.Td maw={320}>
          <Text size="sm" fw={600} className="break-anywhere">
            {item.name}
          </Text>
          <Text size="xs" ff="monospace" c="dimmed" className="break-anywhere">
            {item.apiRootUrl}
          </Text>
          <Text size="xs" c="dimmed" className="break-anywhere">
            {t('sharing.sub_collection_line', { collection: item.collectionId })}
          </Text>
        </Table.Td>
        <Table.Td>
          <Text size="sm" className="nowrap">
            {label('auth_kind', item.auth.kind)}
          </Text>
          {item.auth.username && (
            <Text size="xs" c="dimmed" className="break-anywhere">
              {item.auth.username}
            </Text>
          )}
          {item.auth.kind !== 'none' && (
            <Text size="xs" c="dimmed" className="nowrap">
              {item.auth.hasSecret ? t('sharing.sub_secret_set') : t('sharing.sub_secret_missing')}
            </Text>
          )}
        </Table.Td>
        <Table.Td>
          <Stack gap={4}>
            <Text size="sm" className="nowrap">
              {intervalText(t, item.intervalSeconds)}
            </Text>
            <TlpBadge level={item.defaultTlp} size="sm" />
            <Switch
              size="xs"
              label={t('sharing.sub_enabled')}
              checked={item.enabled}
              disabled={isBusy}
              onChange={(event) => {
                const enabled = event.currentTarget.checked;
                change(() => sharingApi.updateSubscription(item.id, { enabled }));
              }}
            />
          </Stack>
        </Table.Td>
        <Table.Td maw={320}>
          <LastPoll item={item} />
        </Table.Td>
        <Table.Td>
          <Group gap={6} wrap="nowrap">
            <Button
              size="xs"
              variant="default"
              loading={isBusy}
              onClick={() =>
                void run(async () => {
                  setOutcome(await sharingApi.poll(item.id));
                  onChanged();
                })
              }
            >
              {t('sharing.sub_poll')}
            </Button>
            <Button size="xs" variant="subtle" color="red" disabled={isBusy} onClick={() => setDeleting(true)}>
              {t('sharing.sub_delete')}
            </Button>
          </Group>
        </Table.Td>
      </Table.Tr>
      {isDeleting && (
        <Modal opened onClose={() => setDeleting(false)} title={t('sharing.sub_delete_title')}>
          <Stack gap="sm">
            <Text size="sm">{t('sharing.sub_delete_confirm', { name: item.name })}</Text>
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={() => setDeleting(false)}>
                {t('common.cancel')}
              </Button>
              <Button
                color="red"
                loading={isBusy}
                onClick={() => {
                  setDeleting(false);
                  change(() => sharingApi.deleteSubscription(item.id));
                }}
              >
                {t('sharing.sub_delete')}
              </Button>
            </Group>
          </Stack>
        </Modal>
      )}
      {(outcome || error) && (
        <Table.Tr>
          <Table.Td colSpan={5}>
            <ErrorMessage error={error} />
            {outcome && <PollOutcomeView outcome={outcome} />}
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}

function LastPoll({ item }: { item: Subscription }) {
  const { t, language } = useI18n();
  if (item.lastPolledAt === null)
    return (
      <Text size="xs" c="dimmed">
        {t('sharing.sub_never_polled')}
      </Text>
    );
  return (
    <Stack gap={4}>
      <Group gap={6} wrap="wrap">
        <Text size="xs" className="nowrap">
          {formatMinute(language, item.lastPolledAt)}
        </Text>
        <Badge size="sm" color={item.lastStatus === 'ok' ? 'teal' : 'red'} variant="light" tt="none" className="nowrap">
          {item.lastStatus === 'ok' ? t('sharing.sub_status_ok') : t('sharing.sub_status_failed')}
        </Badge>
      </Group>
      {item.lastError && (
        <Text size="xs" c="red.8" className="break-anywhere">
          {item.lastError.message}
        </Text>
      )}
    </Stack>
  );
}

function PollOutcomeView({ outcome }: { outcome: PollOutcome }) {
  const { t } = useI18n();
  if (!outcome.ok)
    return (
      <Alert color="red" variant="light" title={t('sharing.sub_poll_failed')} role="alert">
        <Text size="sm">{outcome.error?.message ?? ''}</Text>
        {outcome.error && (
          <Text size="xs" c="dimmed">
            {t('error.code', { code: outcome.error.code })}
          </Text>
        )}
      </Alert>
    );
  return (
    <Alert color="teal" variant="light" title={t('sharing.sub_poll_done')} aria-live="polite">
      <Group gap="sm" wrap="wrap">
        <ImportCountsLine counts={outcome} />
        {outcome.batchId && (
          <Anchor component={Link} href={PATHS.sharingImport(outcome.batchId)} size="sm">
            {t('sharing.open_batch')}
          </Anchor>
        )}
      </Group>
    </Alert>
  );
}
