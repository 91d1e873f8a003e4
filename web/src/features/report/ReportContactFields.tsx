// Contact details, asked only when the kind needs them (required for 相談, optional for 通報,
// never for 情報提供), with why we ask, how long we keep them, and consent.
import { Alert, Checkbox, Fieldset, Radio, Group, Stack, Text, TextInput } from '@mantine/core';
import { CONTACT_PREFERENCES, CONTACT_RETENTION_YEARS } from '../../../../src/modules/intake/intake.taxonomy.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { contactNeedOf, type ContactPreference, type DraftEditor } from './reportDraft.ts';
import type { FieldErrors } from './reportValidation.ts';

export function ContactFields({ editor, errors }: { editor: DraftEditor; errors: FieldErrors }) {
  const { t } = useI18n();
  const { draft } = editor;
  const need = contactNeedOf(draft.kind);
  if (need === 'none') {
    return draft.kind === 'tip' ? (
      <Text size="sm" c="dimmed" data-testid="contact-not-asked">
        {t('report.contact.not_asked')}
      </Text>
    ) : null;
  }
  const contact = draft.contact;
  const isRequired = need === 'required';
  const set = (change: Partial<typeof contact>) => editor.setPart('contact', change);
  // "No contact" makes no sense where contact details are the point (相談).
  const preferences: readonly ContactPreference[] = isRequired ? CONTACT_PREFERENCES.filter((value) => value !== 'none') : CONTACT_PREFERENCES;
  return (
    <Fieldset legend={t(isRequired ? 'report.contact.title_required' : 'report.contact.title_optional')} className="report-fieldset">
      <Stack gap="md">
        <Text size="sm">{t(isRequired ? 'report.contact.required_note' : 'report.contact.optional_note')}</Text>
        <Alert color="gray" variant="light" title={t('report.contact.privacy_title')} data-testid="contact-privacy">
          <Stack gap={4}>
            <Text size="sm">{t('report.contact.purpose')}</Text>
            <Text size="sm">{t('report.contact.retention', { years: CONTACT_RETENTION_YEARS })}</Text>
          </Stack>
        </Alert>
        <TextInput
          size="md"
          label={t('report.contact.name')}
          withAsterisk={isRequired}
          autoComplete="name"
          value={contact.name}
          onChange={(event) => set({ name: event.currentTarget.value })}
          error={errors['contact.name'] ?? errors.contact}
        />
        <TextInput
          size="md"
          type="tel"
          label={t('report.contact.phone')}
          autoComplete="tel"
          inputMode="tel"
          value={contact.phone}
          onChange={(event) => set({ phone: event.currentTarget.value })}
          error={errors['contact.phone']}
        />
        <TextInput
          size="md"
          type="email"
          label={t('report.contact.email')}
          autoComplete="email"
          autoCapitalize="none"
          spellCheck={false}
          value={contact.email}
          onChange={(event) => set({ email: event.currentTarget.value })}
          error={errors['contact.email']}
        />
        <TextInput
          size="md"
          label={t('report.contact.address')}
          autoComplete="street-address"
          value={contact.address}
          onChange={(event) => set({ address: event.currentTarget.value })}
          error={errors['contact.address']}
        />
        <Radio.Group
          size="md"
          label={t('report.contact.preferred')}
          value={contact.preferred}
          onChange={(value) => set({ preferred: preferences.find((preference) => preference === value) ?? 'phone' })}
          error={errors['contact.preferred']}
        >
          <Group gap="lg" mt="xs">
            {preferences.map((preference) => (
              <Radio key={preference} size="md" value={preference} label={t(`report.contact_pref.${preference}`)} />
            ))}
          </Group>
        </Radio.Group>
        <Checkbox
          size="md"
          label={t('report.contact.consent')}
          description={t('report.contact.consent_hint')}
          checked={draft.consent}
          onChange={(event) => editor.set({ consent: event.currentTarget.checked })}
          error={errors.consent}
        />
      </Stack>
    </Fieldset>
  );
}
