// Registers an item: a file (its SHA-256 is taken by the server as it arrives) or a physical
// object, with where and when it was collected and where it is kept.
import { Button, FileInput, Group, SegmentedControl, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState, type SubmitEvent } from 'react';
import { useSubmission } from '../../app/useSubmission.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { bodyProblemsOf } from './cases.api.ts';
import { collectedAtOf, evidenceApi, type EvidenceDetail, type EvidenceKind } from './evidence.api.ts';

export function CaseEvidenceForm({ caseId, onCreated, onCancel }: { caseId: string; onCreated: (created: EvidenceDetail) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const [kind, setKind] = useState<EvidenceKind>('file');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [collectedAt, setCollectedAt] = useState('');
  const [collectedFrom, setCollectedFrom] = useState('');
  const [storageLocation, setStorageLocation] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [isChecked, setChecked] = useState(false);
  const { error, isBusy, run } = useSubmission();
  const problems = bodyProblemsOf(error);
  const isTitleMissing = isChecked && title.trim() === '';
  const isFileMissing = isChecked && kind === 'file' && file === null;

  function submit(event: SubmitEvent) {
    event.preventDefault();
    setChecked(true);
    if (title.trim() === '' || (kind === 'file' && file === null)) return;
    const at = collectedAtOf(collectedAt);
    void run(async () => {
      const draft = { kind, title: title.trim(), description, collectedFrom, storageLocation, ...(at ? { collectedAt: at } : {}) };
      onCreated(await evidenceApi.create(caseId, draft, kind === 'file' ? file : null));
    });
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="evidence-form-title" className="evidence-form" data-testid="evidence-form">
      <Stack gap="xs">
        <Title order={3} size="h5" id="evidence-form-title">
          {t('evidence.register_title')}
        </Title>
        <div>
          <Text size="sm" fw={500} id="evidence-kind-label" mb={4}>
            {t('evidence.kind_label')}
          </Text>
          <SegmentedControl
            aria-labelledby="evidence-kind-label"
            value={kind}
            onChange={(value) => setKind(value === 'physical' ? 'physical' : 'file')}
            data={[
              { value: 'file', label: t('evidence.kind.file') },
              { value: 'physical', label: t('evidence.kind.physical') },
            ]}
          />
        </div>
        <TextInput
          label={t('evidence.field_title')}
          value={title}
          onChange={(event) => setTitle(event.currentTarget.value)}
          error={isTitleMissing ? t('validation.required') : problems.title}
          maxLength={200}
          withAsterisk
        />
        {kind === 'file' && (
          <FileInput
            label={t('evidence.field_file')}
            description={t('evidence.field_file_hint')}
            placeholder={t('evidence.file_placeholder')}
            value={file}
            onChange={setFile}
            error={isFileMissing ? t('evidence.file_missing') : undefined}
            clearable
            withAsterisk
            data-testid="evidence-file"
          />
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t('evidence.field_collected_from')}
            value={collectedFrom}
            onChange={(event) => setCollectedFrom(event.currentTarget.value)}
            error={problems.collectedFrom}
            maxLength={500}
          />
          <TextInput
            label={t('evidence.field_collected_at')}
            description={t('evidence.field_collected_at_hint')}
            type="datetime-local"
            value={collectedAt}
            onChange={(event) => setCollectedAt(event.currentTarget.value)}
            error={problems.collectedAt}
          />
        </SimpleGrid>
        <TextInput
          label={t('evidence.field_storage_location')}
          value={storageLocation}
          onChange={(event) => setStorageLocation(event.currentTarget.value)}
          error={problems.storageLocation}
          maxLength={500}
        />
        <Textarea
          label={t('evidence.field_description')}
          value={description}
          onChange={(event) => setDescription(event.currentTarget.value)}
          error={problems.description}
          autosize
          minRows={2}
          maxRows={8}
          maxLength={10_000}
        />
        <ErrorMessage error={error} />
        <Group gap="xs">
          <Button type="submit" loading={isBusy}>
            {t('evidence.register_submit')}
          </Button>
          <Button variant="default" onClick={onCancel} disabled={isBusy}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
