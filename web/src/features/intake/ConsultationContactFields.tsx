// The reporter's contact on the consultation form: optional as a whole, but a name is needed as
// soon as anything is given. Consent is recorded with its time by the server.
import { Card, Checkbox, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import type { ConsultationDraft } from './intake.api.ts';
import { CONTACT_PREFERENCES, CONTACT_RETENTION_YEARS } from '../../../../src/modules/intake/intake.taxonomy.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useIntakeLabel } from './intakeLabels.ts';

type Preference = (typeof CONTACT_PREFERENCES)[number];
export type ContactDraft = { name: string; phone: string; email: string; address: string; preferred: Preference; consent: boolean };
type ContactInput = NonNullable<ConsultationDraft['contact']>;

/** The contact to send, nothing when every field is empty, or 'name_missing'. */
export function contactOf(draft: ContactDraft): ContactInput | undefined | 'name_missing' {
  const name = draft.name.trim();
  const phone = draft.phone.trim();
  const email = draft.email.trim();
  const address = draft.address.trim();
  if (!name && !phone && !email && !address) return undefined;
  if (!name) return 'name_missing';
  const contact: ContactInput = { name, preferred: draft.preferred };
  if (phone) contact.phone = phone;
  if (email) contact.email = email;
  if (address) contact.address = address;
  return contact;
}

export function ConsultationContactFields({
  contact,
  onChange,
  problem,
}: {
  contact: ContactDraft;
  onChange: (contact: ContactDraft) => void;
  problem: (field: 'name' | 'phone' | 'email' | 'address') => string | undefined;
}) {
  const { t } = useI18n();
  const label = useIntakeLabel();
  const set = (changes: Partial<ContactDraft>) => onChange({ ...contact, ...changes });
  return (
    <Card withBorder component="section" aria-labelledby="consultation-contact">
      <Stack gap="sm">
        <Title order={2} size="h4" id="consultation-contact">
          {t('intake.contact_title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('intake.contact_hint', { years: CONTACT_RETENTION_YEARS })}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t('intake.contact_name')}
            value={contact.name}
            onChange={(event) => set({ name: event.currentTarget.value })}
            error={problem('name')}
            maxLength={100}
          />
          <TextInput
            label={t('intake.contact_phone')}
            type="tel"
            value={contact.phone}
            onChange={(event) => set({ phone: event.currentTarget.value })}
            error={problem('phone')}
            maxLength={30}
          />
          <TextInput
            label={t('intake.contact_email')}
            type="email"
            value={contact.email}
            onChange={(event) => set({ email: event.currentTarget.value })}
            error={problem('email')}
            maxLength={254}
          />
          <Select
            label={t('intake.contact_preferred')}
            data={CONTACT_PREFERENCES.map((value) => ({ value, label: label('contact_pref', value) }))}
            value={contact.preferred}
            onChange={(value) => set({ preferred: CONTACT_PREFERENCES.find((candidate) => candidate === value) ?? 'phone' })}
            allowDeselect={false}
          />
        </SimpleGrid>
        <TextInput
          label={t('intake.contact_address')}
          value={contact.address}
          onChange={(event) => set({ address: event.currentTarget.value })}
          error={problem('address')}
          maxLength={300}
        />
        <Checkbox label={t('intake.consent_label')} checked={contact.consent} onChange={(event) => set({ consent: event.currentTarget.checked })} />
      </Stack>
    </Card>
  );
}
