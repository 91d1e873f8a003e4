// 捜査メモ: notes are written in Markdown and rendered by our own reader into React elements —
// never as HTML — so markup someone pastes in stays text, and links stay non-clickable text.
import { Button, Stack, Text, Textarea } from '@mantine/core';
import { useState, type SubmitEvent } from 'react';
import { useCan } from '../../app/session.tsx';
import { useSubmission } from '../../app/useSubmission.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Section } from '../intake/IntakeParts.tsx';
import { formatMinute } from '../intake/intakeTime.ts';
import { Markdown } from '../../components/markdown/Markdown.tsx';
import { casesApi } from './cases.api.ts';
import { CaseErrorMessage, type CasePartProps } from './CaseParts.tsx';

export function CaseNotesSection({ detail, directory, onChanged, onReload }: CasePartProps) {
  const { t, language } = useI18n();
  const can = useCan();
  return (
    <Section id="case-notes-title" title={t('cases.notes_title')} testId="case-notes">
      <Stack gap="sm">
        {detail.notes.length === 0 ? (
          <Text c="dimmed">{t('cases.no_notes')}</Text>
        ) : (
          <ul className="plain-list note-list">
            {detail.notes.map((note) => (
              <li key={note.id} data-note-id={note.id}>
                <Text size="xs" c="dimmed">
                  {formatMinute(language, note.createdAt)} · {directory.personLabel(note.authorId)}
                </Text>
                <Markdown source={note.body} testId="case-note-body" />
              </li>
            ))}
          </ul>
        )}
        {can('case.write') && <NoteForm caseId={detail.id} onAdded={onChanged} onReload={onReload} />}
      </Stack>
    </Section>
  );
}

function NoteForm({ caseId, onAdded, onReload }: { caseId: string; onAdded: CasePartProps['onChanged']; onReload: () => void }) {
  const { t } = useI18n();
  const [body, setBody] = useState('');
  const [isMissing, setMissing] = useState(false);
  const { error, isBusy, run } = useSubmission();

  function submit(event: SubmitEvent) {
    event.preventDefault();
    setMissing(body.trim() === '');
    if (body.trim() === '') return;
    void run(async () => {
      onAdded(await casesApi.addNote(caseId, body));
      setBody('');
    });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <Textarea
          label={t('cases.note_label')}
          description={t('cases.note_hint')}
          value={body}
          onChange={(event) => setBody(event.currentTarget.value)}
          error={isMissing ? t('validation.required') : undefined}
          autosize
          minRows={3}
          maxRows={14}
          maxLength={50_000}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
        />
        <CaseErrorMessage error={error} onReload={onReload} />
        <div>
          <Button type="submit" variant="default" loading={isBusy}>
            {t('cases.add_note')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
