// The rule-set editor for intake.rules holders: the rules as JSON, prefilled with the set in
// force, and a required comment. The server validates the set; each problem it finds is listed
// with where it is in the JSON.
import { Alert, Button, Card, Code, Group, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState, type SubmitEvent } from 'react';
import type { ApiError } from '../../app/api.ts';
import { toApiError } from '../../app/useApiQuery.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { intakeApi, issuesOf, type RoutingRules, type RuleSet } from './intake.api.ts';

type Problems = { json?: string; comment?: boolean };

export function RulesEditor({ rules, onSaved }: { rules: RoutingRules; onSaved: (saved: RuleSet) => void }) {
  const { t } = useI18n();
  const [text, setText] = useState(() => JSON.stringify(rules, null, 2));
  const [comment, setComment] = useState('');
  const [problems, setProblems] = useState<Problems>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [isSaving, setSaving] = useState(false);
  const issues = error?.code === 'request.invalid' ? issuesOf(error.details) : [];
  const ruleIssues = issues.filter((issue) => issue.path.startsWith('body.rules'));
  const commentIssue = issues.find((issue) => issue.path === 'body.comment');

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    const found: Problems = {};
    let parsed: unknown = null;
    try {
      parsed = JSON.parse(text);
    } catch (caught) {
      found.json = caught instanceof Error ? caught.message : String(caught);
    }
    if (!comment.trim()) found.comment = true;
    setProblems(found);
    setError(null);
    if (found.json !== undefined || found.comment) return;
    setSaving(true);
    try {
      const saved = await intakeApi.saveRules(parsed, comment.trim());
      setComment('');
      onSaved(saved);
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Card withBorder component="section" aria-labelledby="rules-editor-title">
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4" id="rules-editor-title">
            {t('intake.rules_editor')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('intake.rules_editor_hint')}
          </Text>
          <Textarea
            label={t('intake.rules_json')}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            error={problems.json !== undefined ? t('intake.rules_json_invalid', { problem: problems.json }) : undefined}
            autosize
            minRows={12}
            maxRows={32}
            spellCheck={false}
            classNames={{ input: 'rule-json' }}
            data-testid="rules-json"
          />
          {ruleIssues.length > 0 && (
            <Alert color="red" variant="light" title={t('intake.rules_issues', { count: ruleIssues.length })} data-testid="rules-issues">
              <ul className="plain-list">
                {ruleIssues.map((issue, index) => (
                  <li key={`${issue.path}-${String(index)}`}>
                    <Code>{issue.path.replace(/^body\.rules\.?/, '') || '—'}</Code>{' '}
                    <Text span size="sm">
                      {issue.message}
                    </Text>
                  </li>
                ))}
              </ul>
            </Alert>
          )}
          <TextInput
            label={t('intake.rules_comment')}
            description={t('intake.rules_comment_hint')}
            value={comment}
            onChange={(event) => setComment(event.currentTarget.value)}
            error={problems.comment ? t('validation.required') : commentIssue?.message}
            maxLength={500}
            withAsterisk
          />
          {ruleIssues.length === 0 && <ErrorMessage error={error} />}
          <Group gap="sm">
            <Button type="submit" loading={isSaving}>
              {t('intake.rules_save')}
            </Button>
            <Button variant="default" onClick={() => setText(JSON.stringify(rules, null, 2))}>
              {t('intake.rules_reset')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
