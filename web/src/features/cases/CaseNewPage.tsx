// 事件登録 (M3.2a): opens a case directly (not from an intake item) — title, category, priority,
// owner unit (the officer's own by default), 秘匿, what is known, the victim and the damage —
// then lands on the new case. The officer who opens it becomes its lead.
import { Button, Card, Checkbox, Group, Select, SimpleGrid, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useState, type SubmitEvent } from 'react';
import { CASE_PRIORITIES } from '../../../../src/modules/cases/cases.contract.ts';
import { CATEGORIES, CATEGORY_KEYS, type Category } from '../../../../src/modules/intake/intake.taxonomy.ts';
import { navigate } from '../../app/router.tsx';
import { PATHS } from '../../app/routes.tsx';
import { useSession } from '../../app/session.tsx';
import { useSubmission } from '../../app/useSubmission.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useIntakeLabel } from '../intake/intakeLabels.ts';
import { unitName } from '../units/units.api.ts';
import { useDirectory } from '../users/directory.ts';
import { bodyProblemsOf, casesApi, type CaseDraft } from './cases.api.ts';
import { CaseVictimFields, victimDraftOf, victimOf, type VictimDraft } from './CaseVictimFields.tsx';

type Priority = (typeof CASE_PRIORITIES)[number];
const pickPriority = (value: string | null): Priority => CASE_PRIORITIES.find((priority) => priority === value) ?? 'normal';
const pickCategory = (value: string | null): Category | null => CATEGORY_KEYS.find((category) => category === value) ?? null;

export function CaseNewPage() {
  const { t, language } = useI18n();
  const label = useIntakeLabel();
  const session = useSession();
  const directory = useDirectory('—');
  const [title, setTitle] = useState('');
  const [category, setCategory] = useState<Category | null>(null);
  const [subcategory, setSubcategory] = useState<string | null>(null);
  const [priority, setPriority] = useState<Priority>('normal');
  const [ownerUnitId, setOwnerUnitId] = useState<string | null>(session.user.unitId);
  const [isSensitive, setSensitive] = useState(false);
  const [description, setDescription] = useState('');
  const [victim, setVictim] = useState<VictimDraft>(() => victimDraftOf(null, null));
  const [isTitleMissing, setTitleMissing] = useState(false);
  const { error, isBusy, run } = useSubmission();
  const problems = bodyProblemsOf(error);
  const subcategories: readonly string[] = category ? CATEGORIES[category] : [];

  function submit(event: SubmitEvent) {
    event.preventDefault();
    setTitleMissing(title.trim() === '');
    if (title.trim() === '') return;
    const input: CaseDraft = { title: title.trim(), priority, sensitive: isSensitive, description: description.trim() };
    if (category) input.category = category;
    if (subcategory) input.subcategory = subcategory;
    if (ownerUnitId) input.ownerUnitId = ownerUnitId;
    const victimInput = victimOf(victim);
    if (victimInput) input.victim = victimInput;
    if (victim.damageYen !== '') input.damageYen = victim.damageYen;
    void run(async () => {
      const created = await casesApi.create(input);
      navigate(PATHS.case(created.id));
    });
  }

  return (
    <>
      <PageHeading title={t('cases.new_title')} />
      <form onSubmit={submit} noValidate aria-label={t('cases.new_title')}>
        <Stack gap="lg" maw={960}>
          <Card withBorder component="section" aria-labelledby="case-new-outline">
            <Stack gap="sm">
              <Title order={2} size="h4" id="case-new-outline">
                {t('cases.new_outline')}
              </Title>
              <TextInput
                label={t('cases.title_label')}
                value={title}
                onChange={(event) => setTitle(event.currentTarget.value)}
                error={isTitleMissing ? t('validation.required') : problems.title}
                maxLength={200}
                withAsterisk
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <Select
                  label={t('intake.category_label')}
                  data={CATEGORY_KEYS.map((name) => ({ value: name, label: label('category', name) }))}
                  value={category}
                  onChange={(value) => {
                    setCategory(pickCategory(value));
                    setSubcategory(null);
                  }}
                  error={problems.category}
                  clearable
                />
                {subcategories.length > 0 && (
                  <Select
                    label={t('intake.subcategory_label')}
                    data={subcategories.map((name) => ({ value: name, label: label('subcategory', name) }))}
                    value={subcategory}
                    onChange={setSubcategory}
                    error={problems.subcategory}
                    clearable
                  />
                )}
                <Select
                  label={t('intake.priority_label')}
                  data={CASE_PRIORITIES.map((name) => ({ value: name, label: label('priority', name) }))}
                  value={priority}
                  onChange={(value) => setPriority(pickPriority(value))}
                  allowDeselect={false}
                />
                <Select
                  label={t('cases.owner_unit')}
                  description={t('cases.owner_unit_hint')}
                  data={directory.units.filter((unit) => unit.kind !== 'external').map((unit) => ({ value: unit.id, label: unitName(unit, language) }))}
                  value={ownerUnitId}
                  onChange={setOwnerUnitId}
                  error={problems.ownerUnitId}
                  searchable
                  nothingFoundMessage={t('common.nothing_found')}
                />
              </SimpleGrid>
              <Checkbox
                label={t('cases.sensitive_label')}
                description={t('cases.sensitive_hint')}
                checked={isSensitive}
                onChange={(event) => setSensitive(event.currentTarget.checked)}
              />
            </Stack>
          </Card>

          <Card withBorder component="section" aria-labelledby="case-new-description">
            <Stack gap="sm">
              <Title order={2} size="h4" id="case-new-description">
                {t('cases.description')}
              </Title>
              <Textarea
                aria-labelledby="case-new-description"
                description={t('cases.description_hint')}
                value={description}
                onChange={(event) => setDescription(event.currentTarget.value)}
                error={problems.description}
                autosize
                minRows={5}
                maxRows={20}
                maxLength={50_000}
              />
            </Stack>
          </Card>

          <Card withBorder component="section" aria-labelledby="case-new-victim">
            <Stack gap="sm">
              <Title order={2} size="h4" id="case-new-victim">
                {t('cases.victim_title')}
              </Title>
              <CaseVictimFields draft={victim} onChange={setVictim} problems={problems} />
            </Stack>
          </Card>

          <ErrorMessage error={error} />
          <Group>
            <Button type="submit" loading={isBusy}>
              {t('cases.new_submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
