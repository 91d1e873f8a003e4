// What the reporter told us: the description, the category-specific details by section (fraud,
// phishing, account, incident, defamation, illegal information) and the contact with its consent
// time and retention date. Values are text; URLs and accounts are inert monospace, never links.
import { Code, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { formatDateTime, useI18n, type Language } from '../../i18n/i18n.tsx';
import type { Item } from './intake.api.ts';
import { useDetailLabel, useIntakeLabel, type LabelGroup } from './intakeLabels.ts';
import { Section } from './IntakeParts.tsx';

const SECTION_ORDER = ['fraud', 'phishing', 'account', 'incident', 'defamation', 'illegal'] as const;

/** Detail fields whose value is a taxonomy name, and where its label lives. */
const ENUM_GROUPS: Readonly<Record<string, LabelGroup>> = {
  paymentMethod: 'payment',
  receivedVia: 'message_channel',
  industry: 'industry',
  orgSize: 'org_size',
  infectionVector: 'vector',
  backups: 'backup',
  doubleExtortion: 'yes_no_unknown',
  ransomDemanded: 'yes_no_unknown',
  ihcCategory: 'ihc',
};
/** Identifiers shown verbatim in monospace: addresses, accounts, wallets, extensions. */
const VERBATIM_FIELDS = new Set(['url', 'urls', 'sender', 'destinationAccount', 'wallet', 'siteOrAccount', 'accountId', 'encryptedExtension']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function formatDate(language: Language, iso: string | null): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language === 'ja' ? 'ja-JP' : 'en-GB', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    date,
  );
}

export function DescriptionSection({ item }: { item: Item }) {
  const { t } = useI18n();
  return (
    <Section id="item-description-title" title={t('intake.description')} testId="item-description">
      {item.description ? <Text className="reporter-text">{item.description}</Text> : <Text c="dimmed">{t('intake.no_description')}</Text>}
    </Section>
  );
}

type Row = { key: string; label: string; value: ReactNode };

function KeyValueTable({ label, rows, testId }: { label: string; rows: readonly Row[]; testId?: string }) {
  return (
    <Table withTableBorder variant="vertical" aria-label={label} data-testid={testId} layout="fixed">
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.key} data-key={row.key}>
            <Table.Th w="38%" scope="row">
              {row.label}
            </Table.Th>
            <Table.Td className="break-anywhere">{row.value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function useDetailValue(): (field: string, value: unknown) => ReactNode {
  const { t, language } = useI18n();
  const label = useIntakeLabel();
  return (field, value) => {
    if (typeof value === 'boolean') return value ? t('intake.yes') : t('intake.no');
    if (typeof value === 'number' && field === 'amountYen') {
      return new Intl.NumberFormat(language === 'ja' ? 'ja-JP' : 'en-GB', { style: 'currency', currency: 'JPY' }).format(value);
    }
    if (Array.isArray(value)) {
      return (
        <ul className="plain-list">
          {value.map((entry, index) => (
            <li key={`${String(index)}-${String(entry)}`}>
              {VERBATIM_FIELDS.has(field) ? <Code className="break-anywhere">{String(entry)}</Code> : String(entry)}
            </li>
          ))}
        </ul>
      );
    }
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    const group = ENUM_GROUPS[field];
    if (group) return label(group, text);
    if (VERBATIM_FIELDS.has(field)) return <Code className="break-anywhere">{text}</Code>;
    return <span className="reporter-text">{text}</span>;
  };
}

export function DetailsSection({ item }: { item: Item }) {
  const { t, language } = useI18n();
  const fieldLabel = useDetailLabel();
  const sectionLabel = useIntakeLabel();
  const valueOf = useDetailValue();
  const { details } = item;
  const sections = [...SECTION_ORDER, ...Object.keys(details).filter((key) => key !== 'occurredOn' && !(SECTION_ORDER as readonly string[]).includes(key))];
  const present = sections.flatMap((section) => {
    const content = details[section];
    return isRecord(content) && Object.keys(content).length > 0 ? [{ section, content }] : [];
  });
  const occurredOn = typeof details.occurredOn === 'string' ? details.occurredOn : null;
  return (
    <Section id="item-details-title" title={t('intake.details_title')} testId="item-details">
      {present.length === 0 && !occurredOn && <Text c="dimmed">{t('intake.no_details')}</Text>}
      {occurredOn && (
        <Text size="sm" mb="sm">
          {t('intake.occurred_on', { date: occurredOn.length > 10 ? formatDateTime(language, occurredOn) : occurredOn })}
        </Text>
      )}
      {present.map(({ section, content }) => (
        <div key={section} data-section={section} className="details-block">
          <Text fw={700} size="sm" mb={4} mt="sm">
            {sectionLabel('section', section)}
          </Text>
          <KeyValueTable
            label={sectionLabel('section', section)}
            rows={Object.entries(content).map(([field, value]) => ({ key: field, label: fieldLabel(section, field), value: valueOf(field, value) }))}
          />
        </div>
      ))}
    </Section>
  );
}

export function ContactSection({ item }: { item: Item }) {
  const { t, language } = useI18n();
  const label = useIntakeLabel();
  const { contact } = item;
  return (
    <Section id="item-contact-title" title={t('intake.contact_title')} testId="item-contact">
      {contact ? (
        <KeyValueTable
          label={t('intake.contact_title')}
          rows={[
            { key: 'name', label: t('intake.contact_name'), value: contact.name },
            { key: 'phone', label: t('intake.contact_phone'), value: contact.phone ?? '—' },
            { key: 'email', label: t('intake.contact_email'), value: contact.email ?? '—' },
            { key: 'address', label: t('intake.contact_address'), value: contact.address ?? '—' },
            { key: 'preferred', label: t('intake.contact_preferred'), value: label('contact_pref', contact.preferred) },
            { key: 'consent', label: t('intake.consent_at'), value: item.consentAt ? formatDateTime(language, item.consentAt) : t('intake.no_consent') },
            { key: 'retention', label: t('intake.retention_until'), value: formatDate(language, item.retentionUntil) },
          ]}
        />
      ) : (
        <Text c="dimmed">{t('intake.no_contact')}</Text>
      )}
    </Section>
  );
}
