// The first questions: what kind of message, who sends it, the category, what happened, when,
// and which station (optional).
import { NativeSelect, Radio, Stack, Textarea, TextInput } from '@mantine/core';
import { CATEGORY_KEYS, ITEM_KINDS, REPORTER_TYPES, type Category } from '../../../../src/modules/intake/intake.taxonomy.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { ReportFormConfig } from './report.api.ts';
import { SUMMARY_MAX_LENGTH, subcategoriesOf, type DraftEditor } from './reportDraft.ts';
import type { FieldErrors } from './reportValidation.ts';

function isCategory(value: string): value is Category {
  return CATEGORY_KEYS.some((key) => key === value);
}

/** Today in Japan as YYYY-MM-DD: the latest 発生日 that can be chosen. */
function todayInJapan(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

export function KindFields({ editor, errors }: { editor: DraftEditor; errors: FieldErrors }) {
  const { t } = useI18n();
  const { draft, set } = editor;
  return (
    <Stack gap="lg">
      <Radio.Group
        label={t('report.kind.label')}
        withAsterisk
        value={draft.kind}
        onChange={(value) => {
          const kind = ITEM_KINDS.find((candidate) => candidate === value) ?? '';
          // 相談 needs a way to reach the person: "no contact" is not offered there.
          const contact = kind === 'consultation' && draft.contact.preferred === 'none' ? { ...draft.contact, preferred: 'phone' as const } : draft.contact;
          set({ kind, contact });
        }}
        error={errors.kind}
        size="md"
      >
        <Stack gap="sm" mt="xs">
          {ITEM_KINDS.map((kind) => (
            <Radio key={kind} value={kind} label={t(`report.kind.${kind}`)} description={t(`report.kind_hint.${kind}`)} size="md" />
          ))}
        </Stack>
      </Radio.Group>
      <Radio.Group
        label={t('report.reporter.label')}
        withAsterisk
        value={draft.reporterType}
        onChange={(value) => set({ reporterType: REPORTER_TYPES.find((type) => type === value) ?? '' })}
        error={errors.reporterType}
        size="md"
      >
        <Stack gap="sm" mt="xs">
          {REPORTER_TYPES.map((type) => (
            <Radio key={type} value={type} label={t(`report.reporter.${type}`)} size="md" />
          ))}
        </Stack>
      </Radio.Group>
    </Stack>
  );
}

export function WhatHappenedFields({ editor, errors, stations }: { editor: DraftEditor; errors: FieldErrors; stations: ReportFormConfig['stations'] }) {
  const { t, language } = useI18n();
  const { draft, set } = editor;
  const subcategories = subcategoriesOf(draft.category);
  return (
    <Stack gap="md">
      <NativeSelect
        label={t('report.field.category')}
        withAsterisk
        size="md"
        value={draft.category}
        onChange={(event) => {
          const value = event.currentTarget.value;
          set({ category: isCategory(value) ? value : '', subcategory: '' });
        }}
        description={draft.category === '' ? undefined : t(`report.category_hint.${draft.category}`)}
        error={errors.category}
        data={[{ value: '', label: t('report.field.choose') }, ...CATEGORY_KEYS.map((key) => ({ value: key, label: t(`report.category.${key}`) }))]}
      />
      {subcategories.length > 0 && (
        <NativeSelect
          label={t('report.field.subcategory')}
          size="md"
          value={draft.subcategory}
          onChange={(event) => set({ subcategory: event.currentTarget.value })}
          error={errors.subcategory}
          data={[
            { value: '', label: t('report.field.subcategory_unknown') },
            ...subcategories.map((key) => ({ value: key, label: t(`report.subcategory.${key}`) })),
          ]}
        />
      )}
      <TextInput
        label={t('report.field.summary')}
        withAsterisk
        size="md"
        description={t('report.field.summary_hint')}
        value={draft.summary}
        onChange={(event) => set({ summary: event.currentTarget.value })}
        maxLength={SUMMARY_MAX_LENGTH}
        error={errors.summary}
        inputWrapperOrder={['label', 'description', 'input', 'error']}
      />
      <Textarea
        label={t('report.field.description')}
        description={t('report.field.description_hint')}
        size="md"
        value={draft.description}
        onChange={(event) => set({ description: event.currentTarget.value })}
        error={errors.description}
        autosize
        minRows={5}
        maxRows={16}
      />
      <TextInput
        type="date"
        label={t('report.field.occurred_on')}
        description={t('report.field.occurred_on_hint')}
        size="md"
        max={todayInJapan()}
        value={draft.occurredOn}
        onChange={(event) => set({ occurredOn: event.currentTarget.value })}
        error={errors['details.occurredOn']}
        className="report-date"
      />
      <NativeSelect
        label={t('report.field.station')}
        description={t('report.field.station_hint')}
        size="md"
        value={draft.stationUnitId}
        onChange={(event) => set({ stationUnitId: event.currentTarget.value })}
        error={errors.stationUnitId}
        data={[
          { value: '', label: t('report.field.station_none') },
          ...stations.map((station) => ({ value: station.id, label: language === 'ja' ? station.nameJa : station.nameEn })),
        ]}
      />
    </Stack>
  );
}
