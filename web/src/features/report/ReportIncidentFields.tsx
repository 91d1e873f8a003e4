// Questions about an incident at a company or organisation (ransomware and other attacks on its
// systems), matching the NPA's ransomware dimensions (japan.md §2b).
import { Alert, Checkbox, NativeSelect, Text, Textarea, TextInput } from '@mantine/core';
import { BACKUP_STATES, INDUSTRIES, INFECTION_VECTORS, ORG_SIZES, YES_NO_UNKNOWN } from '../../../../src/modules/intake/intake.taxonomy.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { isRansomIncident } from './reportDraft.ts';
import { optionsOf, ReportFieldset, type SectionProps } from './ReportFieldset.tsx';

export function IncidentFields({ editor, errors }: SectionProps) {
  const { t } = useI18n();
  const incident = editor.draft.incident;
  const subcategory = editor.draft.subcategory;
  const set = (change: Partial<typeof incident>) => editor.setPart('incident', change);
  const yesNo = optionsOf(t, YES_NO_UNKNOWN, (value) => t(`report.yes_no.${value}`));
  return (
    <ReportFieldset legend="report.incident.title">
      <Checkbox
        size="md"
        className="report-urgent-check"
        label={t('report.incident.operations_stopped')}
        checked={incident.operationsStopped}
        onChange={(event) => set({ operationsStopped: event.currentTarget.checked })}
      />
      <TextInput
        size="md"
        label={t('report.incident.organisation_name')}
        value={incident.organisationName}
        onChange={(event) => set({ organisationName: event.currentTarget.value })}
        error={errors['details.incident.organisationName']}
        autoComplete="organization"
      />
      <NativeSelect
        size="md"
        label={t('report.incident.industry')}
        value={incident.industry}
        onChange={(event) => set({ industry: event.currentTarget.value })}
        data={optionsOf(t, INDUSTRIES, (value) => t(`report.industry.${value}`))}
      />
      <NativeSelect
        size="md"
        label={t('report.incident.org_size')}
        value={incident.orgSize}
        onChange={(event) => set({ orgSize: event.currentTarget.value })}
        data={optionsOf(t, ORG_SIZES, (value) => t(`report.org_size.${value}`))}
      />
      <Textarea
        size="md"
        label={t('report.incident.systems_hit')}
        description={t('report.incident.systems_hit_hint')}
        value={incident.systemsHit}
        onChange={(event) => set({ systemsHit: event.currentTarget.value })}
        error={errors['details.incident.systemsHit']}
        autosize
        minRows={2}
      />
      <NativeSelect
        size="md"
        label={t('report.incident.infection_vector')}
        value={incident.infectionVector}
        onChange={(event) => set({ infectionVector: event.currentTarget.value })}
        data={optionsOf(t, INFECTION_VECTORS, (value) => t(`report.vector.${value}`))}
      />
      {isRansomIncident(subcategory) && (
        <>
          <Textarea
            size="md"
            label={t('report.incident.ransom_note')}
            description={t('report.incident.ransom_note_hint')}
            value={incident.ransomNote}
            onChange={(event) => set({ ransomNote: event.currentTarget.value })}
            error={errors['details.incident.ransomNote']}
            autosize
            minRows={4}
            maxRows={14}
            spellCheck={false}
          />
          {subcategory === 'ransomware' && (
            <TextInput
              size="md"
              label={t('report.incident.encrypted_extension')}
              description={t('report.incident.encrypted_extension_hint')}
              value={incident.encryptedExtension}
              onChange={(event) => set({ encryptedExtension: event.currentTarget.value })}
              error={errors['details.incident.encryptedExtension']}
              spellCheck={false}
              autoCapitalize="none"
            />
          )}
          <NativeSelect
            size="md"
            label={t('report.incident.ransom_demanded')}
            value={incident.ransomDemanded}
            onChange={(event) => set({ ransomDemanded: event.currentTarget.value })}
            data={yesNo}
          />
          <NativeSelect
            size="md"
            label={t('report.incident.double_extortion')}
            value={incident.doubleExtortion}
            onChange={(event) => set({ doubleExtortion: event.currentTarget.value })}
            data={yesNo}
          />
        </>
      )}
      <NativeSelect
        size="md"
        label={t('report.incident.backups')}
        value={incident.backups}
        onChange={(event) => set({ backups: event.currentTarget.value })}
        data={optionsOf(t, BACKUP_STATES, (value) => t(`report.backups.${value}`))}
      />
      <Alert color="blue" variant="light" title={t('report.incident.preserve_title')}>
        <Text size="sm">{t('report.incident.preserve_hint')}</Text>
      </Alert>
    </ReportFieldset>
  );
}
