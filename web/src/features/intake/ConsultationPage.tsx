// 相談受理 (M2.1b): an officer records a report, consultation or tip taken by phone, at the
// counter or from another agency — category, channel, what happened, the details the category
// calls for, contact, and the outcome if it was settled on the spot — then lands on the new item.
import { Button, Card, FileInput, Group, SegmentedControl, Select, SimpleGrid, Stack, TagsInput, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState, type SubmitEvent } from 'react';
import type { ApiError } from '../../app/api.ts';
import { navigate } from '../../app/router.tsx';
import { PATHS } from '../../app/routes.tsx';
import { useCan } from '../../app/session.tsx';
import { toApiError, useApiQuery } from '../../app/useApiQuery.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { unitName, unitsApi } from '../units/units.api.ts';
import {
  CATEGORIES,
  CATEGORY_KEYS,
  ITEM_KINDS,
  OUTCOMES,
  REPORTER_TYPES,
  STATION_CHANNELS,
  type Category,
} from '../../../../src/modules/intake/intake.taxonomy.ts';
import { ConsultationContactFields, contactOf, type ContactDraft } from './ConsultationContactFields.tsx';
import { ConsultationDetailsFields, detailsOf, sectionsFor, type DetailsDraft } from './ConsultationDetailsFields.tsx';
import { intakeApi, issuesOf, type ConsultationDraft } from './intake.api.ts';
import { useIntakeLabel, type LabelGroup } from './intakeLabels.ts';
import { IntakeNav } from './IntakeParts.tsx';

type Kind = (typeof ITEM_KINDS)[number];
type ReporterType = (typeof REPORTER_TYPES)[number];
type Channel = (typeof STATION_CHANNELS)[number];
/** Endings an officer records at the counter; 重複 and 処理不要 belong to the queue. */
const COUNTER_OUTCOMES = OUTCOMES.filter((outcome) => outcome !== 'duplicate' && outcome !== 'no_action');
type Outcome = (typeof OUTCOMES)[number];

const pick =
  <T extends string>(values: readonly T[]) =>
  (value: string | null): T | null =>
    values.find((candidate) => candidate === value) ?? null;
const pickKind = pick(ITEM_KINDS);
const pickReporterType = pick(REPORTER_TYPES);
const pickCategory = pick(CATEGORY_KEYS);
const pickChannel = pick(STATION_CHANNELS);
const pickOutcome = pick(OUTCOMES);

type Required = 'reporterType' | 'category' | 'channel' | 'summary' | 'contact.name' | 'referredAgency';

export function ConsultationPage() {
  const { t, language } = useI18n();
  const label = useIntakeLabel();
  const can = useCan();
  const units = useApiQuery(async () => (can('unit.read') ? unitsApi.list() : []));
  const recent = useApiQuery(() => intakeApi.queue({ open: false, overdue: false, mine: false }));
  const [kind, setKind] = useState<Kind>('consultation');
  const [reporterType, setReporterType] = useState<ReporterType | null>('individual');
  const [category, setCategory] = useState<Category | null>(null);
  const [subcategory, setSubcategory] = useState<string | null>(null);
  const [channel, setChannel] = useState<Channel | null>(null);
  const [stationUnitId, setStationUnitId] = useState<string | null>(null);
  const [summary, setSummary] = useState('');
  const [description, setDescription] = useState('');
  const [occurredOn, setOccurredOn] = useState('');
  const [details, setDetails] = useState<DetailsDraft>({});
  const [contact, setContact] = useState<ContactDraft>({ name: '', phone: '', email: '', address: '', preferred: 'phone', consent: false });
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [referredAgency, setReferredAgency] = useState('');
  const [linkedItemIds, setLinkedItemIds] = useState<string[]>([]);
  const [files, setFiles] = useState<File[]>([]);
  const [missing, setMissing] = useState<ReadonlySet<Required>>(new Set());
  const [error, setError] = useState<ApiError | null>(null);
  const [isSaving, setSaving] = useState(false);

  const subcategories: readonly string[] = category ? CATEGORIES[category] : [];
  const sections = sectionsFor(category, subcategory);
  const serverProblems = Object.fromEntries(
    (error?.code === 'request.invalid' ? issuesOf(error.details) : []).map((issue) => [issue.path.replace(/^body\./, ''), issue.message]),
  );
  const problem = (field: Required) => (missing.has(field) ? t('validation.required') : serverProblems[field]);
  const options = (group: LabelGroup, names: readonly string[]) => names.map((name) => ({ value: name, label: label(group, name) }));

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    const found = new Set<Required>();
    if (!reporterType) found.add('reporterType');
    if (!category) found.add('category');
    if (!channel) found.add('channel');
    if (!summary.trim()) found.add('summary');
    const contactInput = contactOf(contact);
    if (contactInput === 'name_missing') found.add('contact.name');
    if (outcome === 'referred_external' && !referredAgency.trim()) found.add('referredAgency');
    setMissing(found);
    if (found.size > 0 || !reporterType || !category || !channel || contactInput === 'name_missing') return;
    const input: ConsultationDraft = {
      kind,
      reporterType,
      category,
      channel,
      summary: summary.trim(),
      description: description.trim(),
      details: detailsOf(details, sections, occurredOn),
      consent: contact.consent,
      linkedItemIds,
    };
    if (subcategory) input.subcategory = subcategory;
    if (stationUnitId) input.stationUnitId = stationUnitId;
    if (contactInput) input.contact = contactInput;
    if (outcome) input.outcome = outcome;
    if (outcome === 'referred_external') input.referredAgency = referredAgency.trim();
    setSaving(true);
    setError(null);
    try {
      const created = await intakeApi.recordConsultation(input, files);
      navigate(PATHS.intakeItem(created.id));
    } catch (caught) {
      setError(toApiError(caught));
      setSaving(false);
    }
  }

  return (
    <>
      <PageHeading title={t('intake.new_title')} />
      <IntakeNav />
      <form onSubmit={(event) => void submit(event)} noValidate aria-label={t('intake.new_title')}>
        <Stack gap="lg" maw={960}>
          <Card withBorder component="section" aria-labelledby="consultation-what">
            <Stack gap="sm">
              <Title order={2} size="h4" id="consultation-what">
                {t('intake.new_what')}
              </Title>
              <div>
                <Text size="sm" fw={500} mb={4} id="consultation-kind">
                  {t('intake.kind_label')}
                </Text>
                <SegmentedControl
                  aria-labelledby="consultation-kind"
                  value={kind}
                  onChange={(value) => setKind(pickKind(value) ?? 'consultation')}
                  data={options('kind', ITEM_KINDS)}
                />
              </div>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <Select
                  label={t('intake.reporter_type_label')}
                  data={options('reporter_type', REPORTER_TYPES)}
                  value={reporterType}
                  onChange={(value) => setReporterType(pickReporterType(value))}
                  error={problem('reporterType')}
                  withAsterisk
                />
                <Select
                  label={t('intake.channel_label')}
                  data={options('channel', STATION_CHANNELS)}
                  value={channel}
                  onChange={(value) => setChannel(pickChannel(value))}
                  error={problem('channel')}
                  withAsterisk
                />
                <Select
                  label={t('intake.category_label')}
                  data={options('category', CATEGORY_KEYS)}
                  value={category}
                  onChange={(value) => {
                    setCategory(pickCategory(value));
                    setSubcategory(null);
                  }}
                  error={problem('category')}
                  withAsterisk
                />
                {subcategories.length > 0 && (
                  <Select
                    label={t('intake.subcategory_label')}
                    data={options('subcategory', subcategories)}
                    value={subcategory}
                    onChange={setSubcategory}
                    error={serverProblems.subcategory}
                    clearable
                  />
                )}
                <Select
                  label={t('intake.station_label')}
                  description={t('intake.station_hint')}
                  placeholder={t('intake.own_unit')}
                  data={(units.data ?? []).filter((unit) => unit.kind !== 'external').map((unit) => ({ value: unit.id, label: unitName(unit, language) }))}
                  value={stationUnitId}
                  onChange={setStationUnitId}
                  searchable
                  clearable
                  nothingFoundMessage={t('common.nothing_found')}
                />
                <TextInput
                  label={t('intake.occurred_on_label')}
                  type="date"
                  value={occurredOn}
                  onChange={(event) => setOccurredOn(event.currentTarget.value)}
                />
              </SimpleGrid>
              <TextInput
                label={t('intake.summary')}
                description={t('intake.summary_hint')}
                value={summary}
                onChange={(event) => setSummary(event.currentTarget.value)}
                error={problem('summary')}
                maxLength={200}
                withAsterisk
              />
              <Textarea
                label={t('intake.description')}
                description={t('intake.description_hint')}
                value={description}
                onChange={(event) => setDescription(event.currentTarget.value)}
                error={serverProblems.description}
                autosize
                minRows={5}
                maxRows={20}
                maxLength={20_000}
              />
              <FileInput
                label={t('intake.attachments_label')}
                description={t('intake.attachments_hint')}
                placeholder={t('intake.attachments_placeholder')}
                value={files}
                onChange={setFiles}
                multiple
                clearable
              />
              <ConsultationDetailsFields
                sections={sections}
                draft={details}
                onChange={(key, value) => setDetails((current) => ({ ...current, [key]: value }))}
                problems={serverProblems}
              />
            </Stack>
          </Card>

          <ConsultationContactFields
            contact={contact}
            onChange={setContact}
            problem={(field) => (field === 'name' ? problem('contact.name') : serverProblems[`contact.${field}`])}
          />

          <Card withBorder component="section" aria-labelledby="consultation-outcome">
            <Stack gap="sm">
              <Title order={2} size="h4" id="consultation-outcome">
                {t('intake.new_outcome')}
              </Title>
              <Text size="sm" c="dimmed">
                {t('intake.new_outcome_hint')}
              </Text>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <Select
                  label={t('intake.outcome_label')}
                  placeholder={t('intake.outcome_none')}
                  data={options('outcome', COUNTER_OUTCOMES)}
                  value={outcome}
                  onChange={(value) => setOutcome(pickOutcome(value))}
                  clearable
                />
                {outcome === 'referred_external' && (
                  <TextInput
                    label={t('intake.referred_agency')}
                    description={t('intake.referred_agency_hint')}
                    value={referredAgency}
                    onChange={(event) => setReferredAgency(event.currentTarget.value)}
                    error={problem('referredAgency')}
                    maxLength={200}
                    withAsterisk
                  />
                )}
              </SimpleGrid>
              <TagsInput
                label={t('intake.link_items')}
                description={t('intake.link_items_hint')}
                data={(recent.data ?? []).map((item) => item.receiptNo)}
                value={linkedItemIds}
                onChange={(values) => setLinkedItemIds(values.map((value) => value.trim()).filter(Boolean))}
                splitChars={[',', ' ', '、']}
                clearable
                error={serverProblems.linkedItemIds}
              />
            </Stack>
          </Card>

          <ErrorMessage error={error} />
          <Group>
            <Button type="submit" loading={isSaving}>
              {t('intake.new_submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
