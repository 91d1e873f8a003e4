// Attribution and ransomware profile of a case (M2.2a): the catalogue entries the case is linked
// to with a confidence and a note, and NPA's ransomware survey items. Writers (case.write) change
// both; every change is recorded on the case.
import { Anchor, Button, Group, NumberInput, Select, SimpleGrid, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { useState, type SubmitEvent } from 'react';
import { PATHS } from '../../app/routes.tsx';
import { Link } from '../../app/router.tsx';
import { QueryView } from '../../app/QueryView.tsx';
import { useCan } from '../../app/session.tsx';
import { useApiQuery } from '../../app/useApiQuery.ts';
import { useSubmission } from '../../app/useSubmission.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { Section } from '../intake/IntakeParts.tsx';
import { useIntakeLabel } from '../intake/intakeLabels.ts';
import { formatMinute } from '../intake/intakeTime.ts';
import { BACKUP_OUTCOMES, CONFIDENCES, INFECTION_ROUTES, RECOVERY_COSTS, RECOVERY_PERIODS } from '../../../../src/modules/threats/threats.contract.ts';
import { threatsApi, type CaseAttributionEntry, type Confidence, type RansomwareProfile, type RansomwareProfileDraft } from '../threats/threats.api.ts';
import { useThreatLabel } from '../threats/threatLabels.ts';
import { KindBadge } from '../threats/ThreatParts.tsx';
import type { CasePartProps } from './CaseParts.tsx';

export function CaseAttributionSection({ detail }: Pick<CasePartProps, 'detail'>) {
  const { t } = useI18n();
  const attributions = useApiQuery(() => threatsApi.attributions(detail.id), [detail.id]);
  const profile = useApiQuery(() => threatsApi.ransomwareProfile(detail.id), [detail.id]);
  return (
    <Section id="case-attribution-title" title={t('threats.case_section')} testId="case-attribution">
      <Stack gap="lg">
        <QueryView query={attributions}>{(items) => <AttributionList caseId={detail.id} items={items} onChanged={attributions.replace} />}</QueryView>
        <QueryView query={profile}>{(found) => <ProfileForm caseId={detail.id} profile={found} onSaved={profile.replace} />}</QueryView>
      </Stack>
    </Section>
  );
}

type ListProps = { caseId: string; items: readonly CaseAttributionEntry[]; onChanged: (items: CaseAttributionEntry[]) => void };

function AttributionList({ caseId, items, onChanged }: ListProps) {
  const { t, language } = useI18n();
  const can = useCan();
  const label = useThreatLabel();
  const { error, isBusy, run } = useSubmission();
  return (
    <Stack gap="xs">
      <Text fw={600} size="sm">
        {t('threats.attributions')}
      </Text>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('threats.no_attributions')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table aria-label={t('threats.attributions')} data-testid="case-attribution-list">
            <Table.Tbody>
              {items.map((item) => (
                <Table.Tr key={item.threatId} data-threat-id={item.threatId}>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <Anchor component={Link} href={PATHS.threat(item.threatId)} size="sm">
                        {item.name}
                      </Anchor>
                      <KindBadge kind={item.kind} />
                    </Group>
                    {item.note && (
                      <Text size="xs" c="dimmed" className="reporter-text">
                        {item.note}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{label('confidence', item.confidence)}</Table.Td>
                  <Table.Td>
                    <Text size="xs">{formatMinute(language, item.createdAt)}</Text>
                  </Table.Td>
                  {can('case.write') && (
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        loading={isBusy}
                        onClick={() => void run(async () => onChanged(await threatsApi.removeAttribution(caseId, item.threatId)))}
                      >
                        {t('threats.remove_attribution')}
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <ErrorMessage error={error} />
      {can('case.write') && <AttributeForm caseId={caseId} onChanged={onChanged} />}
    </Stack>
  );
}

function isConfidence(value: string | null): value is Confidence {
  return CONFIDENCES.some((c) => c === value);
}

function AttributeForm({ caseId, onChanged }: Pick<ListProps, 'caseId' | 'onChanged'>) {
  const { t } = useI18n();
  const label = useThreatLabel();
  const [query, setQuery] = useState('');
  const [threatId, setThreatId] = useState<string | null>(null);
  const [confidence, setConfidence] = useState<Confidence>('medium');
  const [note, setNote] = useState('');
  const candidates = useApiQuery(() => threatsApi.list(query), [query]);
  const { error, isBusy, run } = useSubmission();

  function submit(event: SubmitEvent) {
    event.preventDefault();
    if (!threatId) return;
    void run(async () => {
      onChanged(await threatsApi.attribute(caseId, { threatId, confidence, note }));
      setThreatId(null);
      setNote('');
    });
  }

  const options = (candidates.data ?? []).map((entry) => ({
    value: entry.id,
    label: entry.matchedAlias ? `${entry.name} (${entry.matchedAlias})` : entry.name,
  }));
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
          <TextInput
            label={t('threats.search')}
            description={t('threats.search_hint')}
            value={query}
            onChange={(event) => setQuery(event.currentTarget.value)}
            maxLength={120}
          />
          <Select
            label={t('threats.entry')}
            data={options}
            value={threatId}
            onChange={setThreatId}
            placeholder={t('threats.pick_entry')}
            nothingFoundMessage={t('common.nothing_found')}
            searchable
          />
          <Select
            label={t('threats.confidence')}
            data={CONFIDENCES.map((value) => ({ value, label: label('confidence', value) }))}
            value={confidence}
            onChange={(value) => isConfidence(value) && setConfidence(value)}
            allowDeselect={false}
          />
        </SimpleGrid>
        <Textarea label={t('threats.note')} value={note} onChange={(event) => setNote(event.currentTarget.value)} autosize minRows={1} maxLength={5000} />
        <ErrorMessage error={error} />
        <div>
          <Button type="submit" variant="default" loading={isBusy} disabled={!threatId}>
            {t('threats.attribute')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}

type Flag = 'yes' | 'no' | '';
const toFlag = (value: boolean | null): Flag => (value === null ? '' : value ? 'yes' : 'no');
const fromFlag = (value: Flag): boolean | null => (value === '' ? null : value === 'yes');
const isFlag = (value: string | null): value is Flag => value === 'yes' || value === 'no' || value === '';

function pickOf<T extends string>(values: readonly T[], value: string | null): T | null {
  return values.find((v) => v === value) ?? null;
}

function ProfileForm({
  caseId,
  profile,
  onSaved,
}: {
  caseId: string;
  profile: RansomwareProfile | null;
  onSaved: (profile: RansomwareProfile | null) => void;
}) {
  const { t } = useI18n();
  const can = useCan();
  const label = useThreatLabel();
  const intakeLabel = useIntakeLabel();
  const [draft, setDraft] = useState<RansomwareProfileDraft>(() => ({
    infectionRoute: profile?.infectionRoute ?? null,
    encrypted: profile?.encrypted ?? null,
    doubleExtortion: profile?.doubleExtortion ?? null,
    dataLeaked: profile?.dataLeaked ?? null,
    ransomDemanded: profile?.ransomDemanded ?? null,
    ransomAmountYen: profile?.ransomAmountYen ?? null,
    backupState: profile?.backupState ?? null,
    recoveryPeriod: profile?.recoveryPeriod ?? null,
    recoveryCost: profile?.recoveryCost ?? null,
  }));
  const [saved, setSaved] = useState(false);
  const { error, isBusy, run } = useSubmission();
  const isReadOnly = !can('case.write');
  const flagData = [
    { value: '', label: t('threats.flag.unknown') },
    { value: 'yes', label: t('threats.flag.yes') },
    { value: 'no', label: t('threats.flag.no') },
  ];
  const flagField = (
    field: 'encrypted' | 'doubleExtortion' | 'dataLeaked' | 'ransomDemanded',
    key: 'encrypted' | 'double_extortion' | 'data_leaked' | 'ransom_demanded',
  ) => (
    <Select
      label={t(`threats.profile.${key}`)}
      data={flagData}
      value={toFlag(draft[field] ?? null)}
      onChange={(value) => isFlag(value) && setDraft({ ...draft, [field]: fromFlag(value) })}
      allowDeselect={false}
      disabled={isReadOnly}
    />
  );
  const choice = <T extends string>(
    key: 'infection_route' | 'backup_state' | 'recovery_period' | 'recovery_cost',
    values: readonly T[],
    current: T | null | undefined,
    text: (v: T) => string,
    update: (v: T | null) => void,
  ) => (
    <Select
      label={t(`threats.profile.${key}`)}
      data={values.map((value) => ({ value, label: text(value) }))}
      value={current ?? null}
      onChange={(value) => update(pickOf(values, value))}
      placeholder={t('threats.flag.unknown')}
      clearable
      disabled={isReadOnly}
    />
  );

  function submit(event: SubmitEvent) {
    event.preventDefault();
    setSaved(false);
    void run(async () => {
      onSaved(await threatsApi.saveRansomwareProfile(caseId, draft));
      setSaved(true);
    });
  }

  return (
    <form onSubmit={submit} noValidate data-testid="case-ransomware-profile">
      <Stack gap="xs">
        <Text fw={600} size="sm">
          {t('threats.profile_title')}
        </Text>
        <Text size="xs" c="dimmed">
          {profile ? t('threats.profile_method', { method: label('method', profile.method) }) : t('threats.profile_none')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="xs">
          {choice(
            'infection_route',
            INFECTION_ROUTES,
            draft.infectionRoute,
            (v) => intakeLabel('vector', v),
            (v) => setDraft({ ...draft, infectionRoute: v }),
          )}
          {flagField('encrypted', 'encrypted')}
          {flagField('doubleExtortion', 'double_extortion')}
          {flagField('dataLeaked', 'data_leaked')}
          {flagField('ransomDemanded', 'ransom_demanded')}
          <NumberInput
            label={t('threats.profile.ransom_amount_yen')}
            value={draft.ransomAmountYen ?? ''}
            onChange={(value) => setDraft({ ...draft, ransomAmountYen: typeof value === 'number' ? value : null })}
            min={0}
            thousandSeparator=","
            allowDecimal={false}
            disabled={isReadOnly || draft.ransomDemanded !== true}
          />
          {choice(
            'backup_state',
            BACKUP_OUTCOMES,
            draft.backupState,
            (v) => label('backup', v),
            (v) => setDraft({ ...draft, backupState: v }),
          )}
          {choice(
            'recovery_period',
            RECOVERY_PERIODS,
            draft.recoveryPeriod,
            (v) => label('recovery_period', v),
            (v) => setDraft({ ...draft, recoveryPeriod: v }),
          )}
          {choice(
            'recovery_cost',
            RECOVERY_COSTS,
            draft.recoveryCost,
            (v) => label('recovery_cost', v),
            (v) => setDraft({ ...draft, recoveryCost: v }),
          )}
        </SimpleGrid>
        <ErrorMessage error={error} />
        {saved && (
          <Text size="sm" c="teal" aria-live="polite">
            {t('threats.profile_saved')}
          </Text>
        )}
        {!isReadOnly && (
          <div>
            <Button type="submit" variant="default" loading={isBusy}>
              {t('common.save')}
            </Button>
          </div>
        )}
      </Stack>
    </form>
  );
}
