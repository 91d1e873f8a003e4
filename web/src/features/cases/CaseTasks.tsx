// Tasks on the case: who does what by when (a due date is the end of that day, JST), marked
// 期限超過 once an open task is past it, and 完了 when done.
import { Badge, Button, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState, type SubmitEvent } from 'react';
import { useCan } from '../../app/session.tsx';
import { useSubmission } from '../../app/useSubmission.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Section } from '../intake/IntakeParts.tsx';
import { formatMinute } from '../intake/intakeTime.ts';
import { casesApi, type CaseTask } from './cases.api.ts';
import { CaseErrorMessage, type CasePartProps } from './CaseParts.tsx';
import { dueAtOf, isTaskOverdue } from './caseTasks.ts';

export function CaseTasksSection(props: CasePartProps) {
  const { detail, onChanged, onReload } = props;
  const { t } = useI18n();
  const can = useCan();
  const completion = useSubmission();
  const canWrite = can('case.write');
  const now = new Date();
  const complete = (task: CaseTask) =>
    void completion.run(async () => {
      onChanged(await casesApi.completeTask(detail.id, task.id));
    });
  return (
    <Section id="case-tasks-title" title={t('cases.tasks_title')} testId="case-tasks">
      <Stack gap="sm">
        {detail.tasks.length === 0 ? (
          <Text c="dimmed">{t('cases.no_tasks')}</Text>
        ) : (
          <ul className="plain-list">
            {detail.tasks.map((task) => (
              <li key={task.id} data-task-id={task.id}>
                <TaskLine task={task} isOverdue={isTaskOverdue(task, now)} props={props} onComplete={canWrite ? () => complete(task) : null} />
              </li>
            ))}
          </ul>
        )}
        <CaseErrorMessage error={completion.error} onReload={onReload} />
        {canWrite && <TaskForm {...props} />}
      </Stack>
    </Section>
  );
}

function TaskLine({ task, isOverdue, props, onComplete }: { task: CaseTask; isOverdue: boolean; props: CasePartProps; onComplete: (() => void) | null }) {
  const { t, language } = useI18n();
  const { directory } = props;
  return (
    <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
      <Stack gap={2}>
        <Group gap={6} wrap="wrap">
          <Text size="sm" fw={500} td={task.doneAt ? 'line-through' : undefined} className="break-anywhere">
            {task.title}
          </Text>
          {task.doneAt && (
            <Badge color="teal" variant="light" size="sm" tt="none" className="nowrap" data-testid="task-done">
              {t('cases.task_done')}
            </Badge>
          )}
          {isOverdue && (
            <Badge color="red" size="sm" tt="none" className="nowrap" data-testid="overdue">
              {t('intake.overdue')}
            </Badge>
          )}
        </Group>
        <Text size="xs" c="dimmed">
          {t('cases.task_facts', {
            assignee: task.assigneeId ? directory.personLabel(task.assigneeId) : t('cases.unassigned'),
            due: formatMinute(language, task.dueAt),
          })}
        </Text>
        {task.doneAt && (
          <Text size="xs" c="dimmed">
            {t('cases.task_done_at', { at: formatMinute(language, task.doneAt) })}
          </Text>
        )}
      </Stack>
      {onComplete && !task.doneAt && (
        <Button size="compact-xs" variant="light" onClick={onComplete} aria-label={t('cases.complete_task_named', { title: task.title })}>
          {t('cases.complete_task')}
        </Button>
      )}
    </Group>
  );
}

function TaskForm({ detail, directory, onChanged, onReload }: CasePartProps) {
  const { t } = useI18n();
  const [title, setTitle] = useState('');
  const [assigneeId, setAssigneeId] = useState<string | null>(null);
  const [dueOn, setDueOn] = useState('');
  const [isMissing, setMissing] = useState(false);
  const { error, isBusy, run } = useSubmission();
  const memberIds = new Set(detail.members.map((member) => member.userId));
  const active = directory.people.filter((person) => !person.disabled);
  const option = (person: (typeof active)[number]) => ({ value: person.id, label: person.displayName });
  const assignees = [
    { group: t('cases.assignee_members'), items: active.filter((person) => memberIds.has(person.id)).map(option) },
    { group: t('cases.assignee_others'), items: active.filter((person) => !memberIds.has(person.id)).map(option) },
  ].filter((group) => group.items.length > 0);

  function submit(event: SubmitEvent) {
    event.preventDefault();
    setMissing(title.trim() === '');
    if (title.trim() === '') return;
    void run(async () => {
      onChanged(await casesApi.addTask(detail.id, { title: title.trim(), assigneeId, dueAt: dueAtOf(dueOn) }));
      setTitle('');
      setAssigneeId(null);
      setDueOn('');
    });
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t('cases.add_task')}>
      <Stack gap="xs">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput
            label={t('cases.task_title')}
            value={title}
            onChange={(event) => setTitle(event.currentTarget.value)}
            error={isMissing ? t('validation.required') : undefined}
            maxLength={200}
            withAsterisk
          />
          <Select
            label={t('cases.task_assignee')}
            placeholder={t('cases.unassigned')}
            data={assignees}
            value={assigneeId}
            onChange={setAssigneeId}
            searchable
            clearable
            nothingFoundMessage={t('common.nothing_found')}
          />
          <TextInput label={t('cases.task_due')} type="date" value={dueOn} onChange={(event) => setDueOn(event.currentTarget.value)} />
        </SimpleGrid>
        <CaseErrorMessage error={error} onReload={onReload} />
        <div>
          <Button type="submit" variant="default" loading={isBusy}>
            {t('cases.add_task')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
