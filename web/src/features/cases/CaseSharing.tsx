// 共有グループへ提供 (M3.2c): sends the case to a sharing group's TAXII collection as a STIX report
// with its observables, indicators and attributed groups. The server decides what may go: nothing
// above the group's TLP, personal data only when marked or allowed; its refusal comes coded and
// already in the reader's language.
import { Alert, Button, Group, Select, Stack, Text } from '@mantine/core';
import { useState, type SubmitEvent } from 'react';
import { QueryView } from '../../app/QueryView.tsx';
import { useApiQuery } from '../../app/useApiQuery.ts';
import { useSubmission } from '../../app/useSubmission.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { TlpBadge, useTlpLabel } from '../../components/TlpBadge.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { Section } from '../intake/IntakeParts.tsx';
import { sharingApi, type PublishOutcome, type SharingGroup } from '../sharing/sharing.api.ts';
import type { CaseDetail } from './cases.api.ts';

export function CaseSharingSection({ detail }: { detail: CaseDetail }) {
  const { t } = useI18n();
  const groups = useApiQuery(() => sharingApi.groups());
  return (
    <Section id="case-sharing-title" title={t('cases.sharing_title')} testId="case-sharing">
      <Stack gap="sm">
        <Group gap="xs" wrap="wrap">
          <Text size="sm">{t('cases.sharing_case_tlp')}</Text>
          <TlpBadge level={detail.tlp} size="sm" />
        </Group>
        <Text size="sm" c="dimmed">
          {t('cases.sharing_intro')}
        </Text>
        <QueryView query={groups}>{(items) => <PublishForm caseId={detail.id} groups={items} />}</QueryView>
      </Stack>
    </Section>
  );
}

function PublishForm({ caseId, groups }: { caseId: string; groups: readonly SharingGroup[] }) {
  const { t } = useI18n();
  const tlpLabel = useTlpLabel();
  const [groupId, setGroupId] = useState<string | null>(null);
  const [isMissing, setMissing] = useState(false);
  const [outcome, setOutcome] = useState<{ group: SharingGroup; result: PublishOutcome } | null>(null);
  const { error, isBusy, run } = useSubmission();

  if (groups.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('cases.sharing_no_groups')}
      </Text>
    );

  function submit(event: SubmitEvent) {
    event.preventDefault();
    const group = groups.find((item) => item.id === groupId);
    setMissing(!group);
    if (!group) return;
    setOutcome(null);
    void run(async () => {
      setOutcome({ group, result: await sharingApi.publishCase(group.id, caseId) });
    });
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t('cases.sharing_publish')}>
      <Stack gap="sm" maw={560}>
        <Select
          label={t('cases.sharing_group')}
          placeholder={t('cases.sharing_group_placeholder')}
          data={groups.map((group) => ({ value: group.id, label: t('sharing.group_option', { name: group.name, tlp: tlpLabel(group.maxTlp) }) }))}
          value={groupId}
          onChange={(value) => {
            setGroupId(value);
            setMissing(false);
          }}
          error={isMissing ? t('cases.sharing_group_missing') : undefined}
          searchable
          nothingFoundMessage={t('common.nothing_found')}
          data-testid="case-sharing-group"
        />
        <ErrorMessage error={error} />
        {outcome && (
          <div aria-live="polite">
            <Alert color="teal" variant="light" title={t('cases.sharing_done_title')} data-testid="case-sharing-result">
              <Text size="sm">{t('cases.sharing_done', { group: outcome.group.name, objects: outcome.result.objects, fresh: outcome.result.new })}</Text>
            </Alert>
          </div>
        )}
        <div>
          <Button type="submit" loading={isBusy}>
            {t('cases.sharing_publish')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
