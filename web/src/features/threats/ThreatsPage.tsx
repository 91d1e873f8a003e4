// The threat catalogue (M2.2a): attack groups, ransomware families and malware, searched by any
// name or alias. Staff with threat.manage add entries here; each entry's page holds the rest.
import { Anchor, Button, Group, Select, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { useState, type SubmitEvent } from 'react';
import { PATHS } from '../../app/routes.tsx';
import { Link, navigate } from '../../app/router.tsx';
import { QueryView } from '../../app/QueryView.tsx';
import { useCan } from '../../app/session.tsx';
import { useApiQuery } from '../../app/useApiQuery.ts';
import { useSubmission } from '../../app/useSubmission.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { Section } from '../intake/IntakeParts.tsx';
import { THREAT_KINDS } from '../../../../src/modules/threats/threats.contract.ts';
import { threatsApi, type ThreatKind, type ThreatListEntry } from './threats.api.ts';
import { useThreatLabel } from './threatLabels.ts';
import { KindBadge, StateSponsoredBadge, ThreatsNav } from './ThreatParts.tsx';

function isThreatKind(value: string | null): value is ThreatKind {
  return THREAT_KINDS.some((kind) => kind === value);
}

export function ThreatsPage() {
  const { t } = useI18n();
  const can = useCan();
  const label = useThreatLabel();
  const [query, setQuery] = useState('');
  const [kind, setKind] = useState<ThreatKind | null>(null);
  const list = useApiQuery(() => threatsApi.list(query, kind), [query, kind]);
  return (
    <>
      <PageHeading title={t('threats.title')} />
      <ThreatsNav />
      <Stack gap="lg">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <TextInput
            label={t('threats.search')}
            description={t('threats.search_hint')}
            value={query}
            onChange={(event) => setQuery(event.currentTarget.value)}
            maxLength={120}
            w={320}
            data-testid="threat-search"
          />
          <Select
            label={t('threats.kind_label')}
            placeholder={t('threats.any_kind')}
            data={THREAT_KINDS.map((value) => ({ value, label: label('kind', value) }))}
            value={kind}
            onChange={(value) => setKind(isThreatKind(value) ? value : null)}
            clearable
            w={220}
          />
        </Group>
        <QueryView query={list}>{(items) => <ThreatTable items={items} />}</QueryView>
        {can('threat.manage') && <NewThreatForm />}
      </Stack>
    </>
  );
}

function ThreatTable({ items }: { items: readonly ThreatListEntry[] }) {
  const { t } = useI18n();
  if (items.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('common.nothing_found')}
      </Text>
    );
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped highlightOnHover aria-label={t('threats.table_label')} data-testid="threat-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('threats.name')}</Table.Th>
            <Table.Th>{t('threats.kind_label')}</Table.Th>
            <Table.Th>{t('threats.aliases')}</Table.Th>
            <Table.Th>{t('threats.origin')}</Table.Th>
            <Table.Th>{t('threats.mitre_id')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.id} data-threat-id={item.id}>
              <Table.Td>
                <Anchor component={Link} href={PATHS.threat(item.id)} size="sm">
                  {item.name}
                </Anchor>
                {item.matchedAlias && (
                  <Text size="xs" c="dimmed">
                    {t('threats.matched_alias', { alias: item.matchedAlias })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <KindBadge kind={item.kind} />
              </Table.Td>
              <Table.Td>
                <Text size="xs" className="break-anywhere">
                  {item.aliases.join(', ') || '—'}
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <Text size="sm">{item.origin ?? '—'}</Text>
                  {item.stateSponsored && <StateSponsoredBadge />}
                </Group>
              </Table.Td>
              <Table.Td>
                <Text size="sm" ff="monospace">
                  {item.mitreId ?? '—'}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function NewThreatForm() {
  const { t } = useI18n();
  const label = useThreatLabel();
  const [kind, setKind] = useState<ThreatKind>('ransomware');
  const [name, setName] = useState('');
  const [aliases, setAliases] = useState('');
  const [description, setDescription] = useState('');
  const [isMissing, setMissing] = useState(false);
  const { error, isBusy, run } = useSubmission();

  function submit(event: SubmitEvent) {
    event.preventDefault();
    setMissing(name.trim() === '');
    if (name.trim() === '') return;
    void run(async () => {
      const created = await threatsApi.create({
        kind,
        name: name.trim(),
        aliases: aliases
          .split(/[,、\n]/)
          .map((alias) => alias.trim())
          .filter(Boolean),
        description,
      });
      navigate(PATHS.threat(created.id));
    });
  }

  return (
    <Section id="threat-new-title" title={t('threats.new_title')} testId="threat-new">
      <form onSubmit={submit} noValidate>
        <Stack gap="xs" maw={640}>
          <Select
            label={t('threats.kind_label')}
            data={THREAT_KINDS.map((value) => ({ value, label: label('kind', value) }))}
            value={kind}
            onChange={(value) => isThreatKind(value) && setKind(value)}
            allowDeselect={false}
          />
          <TextInput
            label={t('threats.name')}
            value={name}
            onChange={(event) => {
              setName(event.currentTarget.value);
              setMissing(false);
            }}
            error={isMissing ? t('validation.required') : undefined}
            maxLength={120}
            required
          />
          <TextInput
            label={t('threats.aliases')}
            description={t('threats.aliases_hint')}
            value={aliases}
            onChange={(event) => setAliases(event.currentTarget.value)}
          />
          <Textarea
            label={t('threats.description')}
            value={description}
            onChange={(event) => setDescription(event.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={20_000}
          />
          <ErrorMessage error={error} />
          <div>
            <Button type="submit" loading={isBusy}>
              {t('threats.create')}
            </Button>
          </div>
        </Stack>
      </form>
    </Section>
  );
}
