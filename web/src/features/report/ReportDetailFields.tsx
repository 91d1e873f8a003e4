// The questions that follow the category (ItemDetails in intake.contract.ts): money, a message
// received, a lost account, an incident at a company (ReportIncidentFields), defamatory posts,
// illegal information.
import { Alert, Checkbox, NativeSelect, Text, Textarea, TextInput } from '@mantine/core';
import { IHC_CATEGORIES, MESSAGE_CHANNELS, PAYMENT_METHODS } from '../../../../src/modules/intake/intake.taxonomy.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { DEFAMATION_MAX_URLS, urlLines, type DetailSection } from './reportDraft.ts';
import { optionsOf, ReportFieldset, type SectionProps } from './ReportFieldset.tsx';
import { IncidentFields } from './ReportIncidentFields.tsx';

export function DetailFields({ sections, editor, errors }: SectionProps & { sections: readonly DetailSection[] }) {
  return (
    <>
      {sections.map((section) => {
        switch (section) {
          case 'fraud':
            return <FraudFields key={section} editor={editor} errors={errors} />;
          case 'phishing':
            return <PhishingFields key={section} editor={editor} errors={errors} />;
          case 'account':
            return <AccountFields key={section} editor={editor} errors={errors} />;
          case 'incident':
            return <IncidentFields key={section} editor={editor} errors={errors} />;
          case 'defamation':
            return <DefamationFields key={section} editor={editor} errors={errors} />;
          case 'illegal':
            return <IllegalInfoFields key={section} editor={editor} errors={errors} />;
        }
      })}
    </>
  );
}

function FraudFields({ editor, errors }: SectionProps) {
  const { t } = useI18n();
  const fraud = editor.draft.fraud;
  const set = (change: Partial<typeof fraud>) => editor.setPart('fraud', change);
  return (
    <ReportFieldset legend="report.fraud.title">
      <Checkbox
        size="md"
        className="report-urgent-check"
        label={t('report.fraud.transfer_ongoing')}
        description={t('report.fraud.transfer_ongoing_hint')}
        checked={fraud.transferOngoing}
        onChange={(event) => set({ transferOngoing: event.currentTarget.checked })}
      />
      <TextInput
        size="md"
        label={t('report.fraud.amount')}
        description={t('report.fraud.amount_hint')}
        inputMode="numeric"
        value={fraud.amountYen}
        onChange={(event) => set({ amountYen: event.currentTarget.value })}
        error={errors['details.fraud.amountYen']}
      />
      <NativeSelect
        size="md"
        label={t('report.fraud.payment_method')}
        value={fraud.paymentMethod}
        onChange={(event) => set({ paymentMethod: event.currentTarget.value })}
        error={errors['details.fraud.paymentMethod']}
        data={optionsOf(t, PAYMENT_METHODS, (value) => t(`report.payment.${value}`))}
      />
      <TextInput
        size="md"
        label={t('report.fraud.destination_account')}
        description={t('report.fraud.destination_account_hint')}
        value={fraud.destinationAccount}
        onChange={(event) => set({ destinationAccount: event.currentTarget.value })}
        error={errors['details.fraud.destinationAccount']}
      />
      <TextInput
        size="md"
        label={t('report.fraud.wallet')}
        value={fraud.wallet}
        onChange={(event) => set({ wallet: event.currentTarget.value })}
        error={errors['details.fraud.wallet']}
        spellCheck={false}
      />
      <Textarea
        size="md"
        label={t('report.fraud.site_or_account')}
        description={t('report.fraud.site_or_account_hint')}
        value={fraud.siteOrAccount}
        onChange={(event) => set({ siteOrAccount: event.currentTarget.value })}
        error={errors['details.fraud.siteOrAccount']}
        autosize
        minRows={2}
        spellCheck={false}
      />
    </ReportFieldset>
  );
}

function PhishingFields({ editor, errors }: SectionProps) {
  const { t } = useI18n();
  const phishing = editor.draft.phishing;
  const set = (change: Partial<typeof phishing>) => editor.setPart('phishing', change);
  return (
    <ReportFieldset legend="report.phishing.title">
      <NativeSelect
        size="md"
        label={t('report.phishing.received_via')}
        value={phishing.receivedVia}
        onChange={(event) => set({ receivedVia: event.currentTarget.value })}
        error={errors['details.phishing.receivedVia']}
        data={optionsOf(t, MESSAGE_CHANNELS, (value) => t(`report.channel.${value}`))}
      />
      <TextInput
        size="md"
        label={t('report.phishing.sender')}
        value={phishing.sender}
        onChange={(event) => set({ sender: event.currentTarget.value })}
        error={errors['details.phishing.sender']}
        spellCheck={false}
      />
      <Textarea
        size="md"
        label={t('report.phishing.message_text')}
        description={t('report.phishing.message_text_hint')}
        value={phishing.messageText}
        onChange={(event) => set({ messageText: event.currentTarget.value })}
        error={errors['details.phishing.messageText']}
        autosize
        minRows={4}
        maxRows={14}
        spellCheck={false}
      />
      <TextInput
        size="md"
        label={t('report.phishing.url')}
        description={t('report.phishing.url_hint')}
        value={phishing.url}
        onChange={(event) => set({ url: event.currentTarget.value })}
        error={errors['details.phishing.url']}
        spellCheck={false}
        autoCapitalize="none"
      />
      <Checkbox
        size="md"
        label={t('report.phishing.credentials_entered')}
        description={t('report.phishing.credentials_entered_hint')}
        checked={phishing.credentialsEntered}
        onChange={(event) => set({ credentialsEntered: event.currentTarget.checked })}
      />
      <Alert color="blue" variant="light" title={t('report.phishing.eml_title')}>
        <Text size="sm">{t('report.phishing.eml_hint')}</Text>
      </Alert>
    </ReportFieldset>
  );
}

function AccountFields({ editor, errors }: SectionProps) {
  const { t } = useI18n();
  const account = editor.draft.account;
  const set = (change: Partial<typeof account>) => editor.setPart('account', change);
  return (
    <ReportFieldset legend="report.account.title">
      <TextInput
        size="md"
        label={t('report.account.service')}
        value={account.service}
        onChange={(event) => set({ service: event.currentTarget.value })}
        error={errors['details.account.service']}
      />
      <TextInput
        size="md"
        label={t('report.account.account_id')}
        description={t('report.account.account_id_hint')}
        value={account.accountId}
        onChange={(event) => set({ accountId: event.currentTarget.value })}
        error={errors['details.account.accountId']}
        spellCheck={false}
        autoCapitalize="none"
      />
      <Textarea
        size="md"
        label={t('report.account.noticed_how')}
        value={account.noticedHow}
        onChange={(event) => set({ noticedHow: event.currentTarget.value })}
        error={errors['details.account.noticedHow']}
        autosize
        minRows={2}
      />
      <Checkbox
        size="md"
        label={t('report.account.money_lost')}
        checked={account.moneyLost}
        onChange={(event) => set({ moneyLost: event.currentTarget.checked })}
      />
    </ReportFieldset>
  );
}

function DefamationFields({ editor, errors }: SectionProps) {
  const { t } = useI18n();
  const defamation = editor.draft.defamation;
  const set = (change: Partial<typeof defamation>) => editor.setPart('defamation', change);
  const count = urlLines(defamation.urls).length;
  return (
    <ReportFieldset legend="report.defamation.title">
      <TextInput
        size="md"
        label={t('report.defamation.platform')}
        value={defamation.platform}
        onChange={(event) => set({ platform: event.currentTarget.value })}
        error={errors['details.defamation.platform']}
      />
      <Textarea
        size="md"
        label={t('report.defamation.urls', { max: DEFAMATION_MAX_URLS })}
        description={
          <>
            {t('report.defamation.urls_hint')}
            <Text span display="block" size="xs" c={count > DEFAMATION_MAX_URLS ? 'red' : 'dimmed'} fw={count > DEFAMATION_MAX_URLS ? 700 : 400}>
              {t('report.defamation.url_count', { count, max: DEFAMATION_MAX_URLS })}
            </Text>
          </>
        }
        value={defamation.urls}
        onChange={(event) => set({ urls: event.currentTarget.value })}
        error={errors['details.defamation.urls']}
        autosize
        minRows={3}
        maxRows={12}
        spellCheck={false}
        autoCapitalize="none"
      />
    </ReportFieldset>
  );
}

function IllegalInfoFields({ editor, errors }: SectionProps) {
  const { t } = useI18n();
  const illegal = editor.draft.illegal;
  const set = (change: Partial<typeof illegal>) => editor.setPart('illegal', change);
  const harmfulFrom = IHC_CATEGORIES.indexOf('serious_crime_related');
  const group = (values: readonly (typeof IHC_CATEGORIES)[number][]) => values.map((value) => ({ value, label: t(`report.ihc.${value}`) }));
  return (
    <ReportFieldset legend="report.illegal.title">
      <TextInput
        size="md"
        label={t('report.illegal.url')}
        description={t('report.phishing.url_hint')}
        value={illegal.url}
        onChange={(event) => set({ url: event.currentTarget.value })}
        error={errors['details.illegal.url']}
        spellCheck={false}
        autoCapitalize="none"
      />
      <NativeSelect
        size="md"
        label={t('report.illegal.ihc_category')}
        value={illegal.ihcCategory}
        onChange={(event) => set({ ihcCategory: event.currentTarget.value })}
        data={[
          { value: '', label: t('report.illegal.ihc_unknown') },
          { group: t('report.ihc_group.illegal'), items: group(IHC_CATEGORIES.slice(0, harmfulFrom)) },
          { group: t('report.ihc_group.harmful'), items: group(IHC_CATEGORIES.slice(harmfulFrom)) },
        ]}
      />
    </ReportFieldset>
  );
}
