// How the item was routed (the rules that applied, the flags they set and the guidance for the
// officer, spelled out), and the notes kept on it, with a form to add one while it is open.
import { Button, Card, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState, type SubmitEvent } from 'react';
import type { ApiError } from '../../app/api.ts';
import { useCan } from '../../app/session.tsx';
import { toApiError } from '../../app/useApiQuery.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { formatDateTime, useI18n } from '../../i18n/i18n.tsx';
import { intakeApi, isOpen, type Item } from './intake.api.ts';
import { hasIntakeLabel, useIntakeLabel } from './intakeLabels.ts';
import { Section } from './IntakeParts.tsx';

export function RoutingSection({ item }: { item: Item }) {
  const { t, language } = useI18n();
  const label = useIntakeLabel();
  return (
    <Card withBorder component="section" aria-labelledby="item-routing-title" data-testid="item-routing">
      <Stack gap="sm">
        <Title order={2} size="h4" id="item-routing-title">
          {t('intake.routing_title')}
        </Title>
        {item.triagedAt === null ? (
          <Text size="sm" c="dimmed">
            {t('intake.not_triaged')}
          </Text>
        ) : (
          <Text size="xs" c="dimmed">
            {item.ruleVersion
              ? t('intake.triaged_line', { at: formatDateTime(language, item.triagedAt), version: item.ruleVersion })
              : t('intake.triaged_line_builtin', { at: formatDateTime(language, item.triagedAt) })}
          </Text>
        )}
        {item.ruleIds.length > 0 && (
          <div>
            <Text size="sm" fw={700}>
              {t('intake.rules_applied')}
            </Text>
            <ul className="plain-list" data-testid="rules-applied">
              {item.ruleIds.map((ruleId) => (
                <li key={ruleId}>
                  <Text size="sm">{hasIntakeLabel('rule', ruleId) ? t('intake.rule_named', { name: label('rule', ruleId), id: ruleId }) : ruleId}</Text>
                </li>
              ))}
            </ul>
          </div>
        )}
        {item.flags.length > 0 && (
          <div>
            <Text size="sm" fw={700}>
              {t('intake.flags_title')}
            </Text>
            <ul className="plain-list">
              {item.flags.map((flag) => (
                <li key={flag}>
                  <Text size="sm" fw={500}>
                    {label('flag', flag)}
                  </Text>
                  {hasIntakeLabel('flag_text', flag) && <Text size="xs">{label('flag_text', flag)}</Text>}
                </li>
              ))}
            </ul>
          </div>
        )}
        {item.guidance.length > 0 && (
          <div>
            <Text size="sm" fw={700}>
              {t('intake.guidance_title')}
            </Text>
            <ul className="plain-list" data-testid="guidance">
              {item.guidance.map((guidance) => (
                <li key={guidance}>
                  <Text size="sm" fw={500}>
                    {label('guidance', guidance)}
                  </Text>
                  {hasIntakeLabel('guidance_text', guidance) && <Text size="xs">{label('guidance_text', guidance)}</Text>}
                </li>
              ))}
            </ul>
          </div>
        )}
      </Stack>
    </Card>
  );
}

export function NotesSection({ item, personLabel, onChanged }: { item: Item; personLabel: (userId: string | null) => string; onChanged: () => void }) {
  const { t, language } = useI18n();
  const label = useIntakeLabel();
  const can = useCan();
  const authorOf = (note: Item['notes'][number]) =>
    note.authorKind === 'officer' && note.authorId ? personLabel(note.authorId) : label('author', note.authorKind);
  return (
    <Section id="item-notes-title" title={t('intake.notes_title')} testId="item-notes">
      <Stack gap="sm">
        {item.notes.length === 0 ? (
          <Text c="dimmed">{t('intake.no_notes')}</Text>
        ) : (
          <ul className="plain-list note-list">
            {item.notes.map((note) => (
              <li key={note.id} data-author={note.authorKind}>
                <Text size="xs" c="dimmed">
                  {formatDateTime(language, note.createdAt)} · {authorOf(note)}
                </Text>
                <Text size="sm" className="reporter-text">
                  {note.body}
                </Text>
              </li>
            ))}
          </ul>
        )}
        {can('intake.write') && isOpen(item.status) && <NoteForm itemId={item.id} onAdded={onChanged} />}
      </Stack>
    </Section>
  );
}

function NoteForm({ itemId, onAdded }: { itemId: string; onAdded: () => void }) {
  const { t } = useI18n();
  const [body, setBody] = useState('');
  const [isMissing, setMissing] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [isBusy, setBusy] = useState(false);

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    setMissing(body.trim() === '');
    setError(null);
    if (body.trim() === '') return;
    setBusy(true);
    try {
      await intakeApi.addNote(itemId, body.trim());
      setBody('');
      onAdded();
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="xs">
        <Textarea
          label={t('intake.note_label')}
          value={body}
          onChange={(event) => setBody(event.currentTarget.value)}
          error={isMissing ? t('validation.required') : undefined}
          autosize
          minRows={2}
          maxRows={10}
          maxLength={20_000}
        />
        <ErrorMessage error={error} />
        <div>
          <Button type="submit" variant="default" loading={isBusy}>
            {t('intake.add_note')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
