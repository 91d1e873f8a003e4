// The category-specific questions of the consultation form (japan.md §2): which sections are
// asked follows the category and sub-category, and the draft becomes ItemDetails on submit.
import { Checkbox, NumberInput, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import type { ItemDetails } from '../../../../src/modules/intake/intake.contract.ts';
import {
  BACKUP_STATES,
  IHC_CATEGORIES,
  INDUSTRIES,
  INFECTION_VECTORS,
  MESSAGE_CHANNELS,
  ORG_SIZES,
  PAYMENT_METHODS,
  YES_NO_UNKNOWN,
  type Category,
} from '../../../../src/modules/intake/intake.taxonomy.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useDetailLabel, useIntakeLabel, type LabelGroup } from './intakeLabels.ts';

export type DetailSection = 'fraud' | 'phishing' | 'account' | 'incident' | 'defamation' | 'illegal';

type FieldSpec =
  | { field: string; kind: 'text' | 'textarea' | 'lines'; max: number }
  | { field: string; kind: 'amount' | 'flag' }
  | { field: string; kind: 'choice'; group: LabelGroup; options: readonly string[] };

const FIELDS: Readonly<Record<DetailSection, readonly FieldSpec[]>> = {
  fraud: [
    { field: 'amountYen', kind: 'amount' },
    { field: 'paymentMethod', kind: 'choice', group: 'payment', options: PAYMENT_METHODS },
    { field: 'destinationAccount', kind: 'text', max: 500 },
    { field: 'wallet', kind: 'text', max: 200 },
    { field: 'siteOrAccount', kind: 'text', max: 2000 },
    { field: 'transferOngoing', kind: 'flag' },
  ],
  phishing: [
    { field: 'receivedVia', kind: 'choice', group: 'message_channel', options: MESSAGE_CHANNELS },
    { field: 'sender', kind: 'text', max: 500 },
    { field: 'url', kind: 'text', max: 2000 },
    { field: 'messageText', kind: 'textarea', max: 20_000 },
    { field: 'credentialsEntered', kind: 'flag' },
  ],
  account: [
    { field: 'service', kind: 'text', max: 200 },
    { field: 'accountId', kind: 'text', max: 200 },
    { field: 'noticedHow', kind: 'textarea', max: 2000 },
    { field: 'moneyLost', kind: 'flag' },
  ],
  incident: [
    { field: 'organisationName', kind: 'text', max: 200 },
    { field: 'industry', kind: 'choice', group: 'industry', options: INDUSTRIES },
    { field: 'orgSize', kind: 'choice', group: 'org_size', options: ORG_SIZES },
    { field: 'systemsHit', kind: 'textarea', max: 2000 },
    { field: 'infectionVector', kind: 'choice', group: 'vector', options: INFECTION_VECTORS },
    { field: 'ransomNote', kind: 'textarea', max: 20_000 },
    { field: 'encryptedExtension', kind: 'text', max: 100 },
    { field: 'doubleExtortion', kind: 'choice', group: 'yes_no_unknown', options: YES_NO_UNKNOWN },
    { field: 'ransomDemanded', kind: 'choice', group: 'yes_no_unknown', options: YES_NO_UNKNOWN },
    { field: 'backups', kind: 'choice', group: 'backup', options: BACKUP_STATES },
    { field: 'operationsStopped', kind: 'flag' },
  ],
  defamation: [
    { field: 'platform', kind: 'text', max: 200 },
    { field: 'urls', kind: 'lines', max: 40_000 },
  ],
  illegal: [
    { field: 'url', kind: 'text', max: 2000 },
    { field: 'ihcCategory', kind: 'choice', group: 'ihc', options: IHC_CATEGORIES },
  ],
};

/** The sections worth asking for a category (the server keeps only these, too). */
export function sectionsFor(category: Category | null, subcategory: string | null): DetailSection[] {
  if (category === null) return [];
  switch (category) {
    case 'fraud':
    case 'credit_card_fraud':
    case 'crime_infrastructure':
      return ['fraud'];
    case 'unauthorized_access_malware':
      if (subcategory === 'phishing' || subcategory === 'targeted_email') return ['phishing'];
      if (subcategory === 'account_takeover' || subcategory === 'ib_illegal_transfer') return ['account', 'fraud'];
      return ['incident'];
    case 'spam':
      return ['phishing'];
    case 'defamation_harassment':
      return ['defamation'];
    case 'illegal_harmful_info':
      return ['illegal'];
    case 'other':
      return ['fraud', 'phishing'];
  }
}

/** Raw form values: `<section>.<field>` → text, number or checkbox state. */
export type DetailsDraft = Readonly<Record<string, string | number | boolean>>;

/** The draft as ItemDetails: empty values dropped, amounts as integers, URL lines as a list. */
export function detailsOf(draft: DetailsDraft, sections: readonly DetailSection[], occurredOn: string): ItemDetails {
  const details: Record<string, Record<string, unknown> | string> = {};
  if (occurredOn) details.occurredOn = occurredOn;
  for (const section of sections) {
    const values: Record<string, unknown> = {};
    for (const spec of FIELDS[section]) {
      const raw = draft[`${section}.${spec.field}`];
      if (raw === undefined || raw === '' || raw === false) continue;
      if (spec.kind === 'lines' && typeof raw === 'string') {
        const lines = raw
          .split(/\r?\n/)
          .map((line) => line.trim())
          .filter(Boolean);
        if (lines.length > 0) values[spec.field] = lines;
      } else values[spec.field] = typeof raw === 'string' ? raw.trim() : raw;
    }
    if (Object.keys(values).length > 0) details[section] = values;
  }
  return details;
}

export function ConsultationDetailsFields({
  sections,
  draft,
  onChange,
  problems,
}: {
  sections: readonly DetailSection[];
  draft: DetailsDraft;
  onChange: (key: string, value: string | number | boolean) => void;
  problems: Readonly<Record<string, string>>;
}) {
  const sectionLabel = useIntakeLabel();
  if (sections.length === 0) return null;
  return (
    <Stack gap="md">
      {sections.map((section) => (
        <fieldset key={section} className="form-fieldset" data-section={section}>
          <Text component="legend" fw={700} size="sm">
            {sectionLabel('section', section)}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {FIELDS[section].map((spec) => (
              <DetailField
                key={spec.field}
                section={section}
                spec={spec}
                draft={draft}
                onChange={onChange}
                error={problems[`details.${section}.${spec.field}`]}
              />
            ))}
          </SimpleGrid>
        </fieldset>
      ))}
    </Stack>
  );
}

function DetailField({
  section,
  spec,
  draft,
  onChange,
  error,
}: {
  section: DetailSection;
  spec: FieldSpec;
  draft: DetailsDraft;
  onChange: (key: string, value: string | number | boolean) => void;
  error: string | undefined;
}) {
  const { t } = useI18n();
  const fieldLabel = useDetailLabel();
  const label = useIntakeLabel();
  const key = `${section}.${spec.field}`;
  const value = draft[key];
  const text = typeof value === 'string' ? value : '';
  const common = { label: fieldLabel(section, spec.field), error };
  switch (spec.kind) {
    case 'text':
      return <TextInput {...common} value={text} onChange={(event) => onChange(key, event.currentTarget.value)} maxLength={spec.max} spellCheck={false} />;
    case 'textarea':
    case 'lines':
      return (
        <Textarea
          {...common}
          value={text}
          onChange={(event) => onChange(key, event.currentTarget.value)}
          autosize
          minRows={2}
          maxRows={8}
          maxLength={spec.max}
        />
      );
    case 'amount':
      return (
        <NumberInput
          {...common}
          value={typeof value === 'number' ? value : ''}
          onChange={(next) => onChange(key, typeof next === 'number' ? next : '')}
          min={0}
          max={1_000_000_000_000}
          allowDecimal={false}
          allowNegative={false}
          thousandSeparator=","
          suffix={t('intake.yen_suffix')}
        />
      );
    case 'flag':
      return <Checkbox label={common.label} checked={value === true} onChange={(event) => onChange(key, event.currentTarget.checked)} mt="lg" />;
    case 'choice':
      return (
        <Select
          {...common}
          data={spec.options.map((option) => ({ value: option, label: label(spec.group, option) }))}
          value={text || null}
          onChange={(next) => onChange(key, next ?? '')}
          clearable
          searchable={spec.options.length > 8}
        />
      );
  }
}
