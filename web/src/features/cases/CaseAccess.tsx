// Who may see the case (need-to-know): its named members, the lead among them, and the units
// supporting it (M3.2b), which see it from the moment they are added. Names come from the
// directory lists when the viewer may read them, ids otherwise.
import { Badge, Button, Card, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type ReactNode, type SubmitEvent } from 'react';
import { ApiError } from '../../app/api.ts';
import { useCan } from '../../app/session.tsx';
import { useSubmission, type Submission } from '../../app/useSubmission.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatMinute } from '../intake/intakeTime.ts';
import { unitName } from '../units/units.api.ts';
import { casesApi } from './cases.api.ts';
import { CaseErrorMessage, type CasePartProps } from './CaseParts.tsx';

export function CaseMembersCard({ detail, directory, onChanged, onReload }: CasePartProps) {
  const { t, language } = useI18n();
  const can = useCan();
  const submission = useSubmission();
  const canWrite = can('case.write');
  const memberIds = new Set(detail.members.map((member) => member.userId));
  const candidates = directory.people
    .filter((person) => !person.disabled && !memberIds.has(person.id))
    .map((person) => ({ value: person.id, label: person.displayName }));

  // Removing oneself can take the case out of one's sight: the server then answers not-found
  // after making the change, and the reload shows the page as it now is to this viewer.
  const remove = (userId: string) =>
    void submission.run(async () => {
      try {
        onChanged(await casesApi.removeMember(detail.id, userId));
      } catch (caught) {
        if (!(caught instanceof ApiError && caught.code === 'case.not_found')) throw caught;
        onReload();
      }
    });

  return (
    <Card withBorder component="section" aria-labelledby="case-members-title" data-testid="case-members">
      <Stack gap="sm">
        <Title order={2} size="h4" id="case-members-title">
          {t('cases.members_title')}
        </Title>
        <Text size="xs" c="dimmed">
          {detail.sensitive ? t('cases.members_hint_sensitive') : t('cases.members_hint')}
        </Text>
        <ul className="plain-list">
          {detail.members.map((member) => {
            const name = directory.personLabel(member.userId);
            return (
              <li key={member.userId} data-user-id={member.userId}>
                <Group justify="space-between" gap="xs" wrap="nowrap">
                  <div>
                    <Group gap={6} wrap="wrap">
                      <Text size="sm" className="break-anywhere">
                        {name}
                      </Text>
                      {member.userId === detail.leadUserId && (
                        <Badge size="sm" variant="light" tt="none">
                          {t('cases.lead')}
                        </Badge>
                      )}
                    </Group>
                    <Text size="xs" c="dimmed">
                      {t('cases.added_at', { at: formatMinute(language, member.addedAt) })}
                    </Text>
                  </div>
                  {canWrite && (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      color="red"
                      onClick={() => remove(member.userId)}
                      aria-label={t('cases.remove_member', { name })}
                    >
                      {t('cases.remove')}
                    </Button>
                  )}
                </Group>
              </li>
            );
          })}
        </ul>
        {canWrite && (
          <AddForm
            label={t('cases.add_member')}
            placeholder={t('cases.choose_person')}
            options={directory.people.length > 0 ? candidates : null}
            submission={submission}
            onAdd={async (userId) => onChanged(await casesApi.addMember(detail.id, userId))}
          />
        )}
        <CaseErrorMessage error={submission.error} onReload={onReload} />
      </Stack>
    </Card>
  );
}

export function CaseSupportUnitsCard({ detail, directory, onChanged, onReload }: CasePartProps) {
  const { t, language } = useI18n();
  const can = useCan();
  const submission = useSubmission();
  const taken = new Set([detail.ownerUnitId, ...detail.supportUnits.map((unit) => unit.unitId)]);
  const candidates = directory.units
    .filter((unit) => unit.kind !== 'external' && !taken.has(unit.id))
    .map((unit) => ({ value: unit.id, label: unitName(unit, language) }));
  return (
    <Card withBorder component="section" aria-labelledby="case-units-title" data-testid="case-support-units">
      <Stack gap="sm">
        <Title order={2} size="h4" id="case-units-title">
          {t('cases.support_units_title')}
        </Title>
        <Text size="xs" c="dimmed">
          {detail.sensitive ? t('cases.support_units_hint_sensitive') : t('cases.support_units_hint')}
        </Text>
        {detail.supportUnits.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('cases.no_support_units')}
          </Text>
        ) : (
          <ul className="plain-list">
            {detail.supportUnits.map((unit) => (
              <li key={unit.unitId} data-unit-id={unit.unitId}>
                <Text size="sm">{directory.unitLabel(unit.unitId)}</Text>
                <Text size="xs" c="dimmed">
                  {t('cases.added_at', { at: formatMinute(language, unit.addedAt) })}
                </Text>
              </li>
            ))}
          </ul>
        )}
        {can('case.write') && (
          <AddForm
            label={t('cases.add_support_unit')}
            placeholder={t('intake.choose_unit')}
            options={directory.units.length > 0 ? candidates : null}
            submission={submission}
            onAdd={async (unitId) => onChanged(await casesApi.addSupportUnit(detail.id, unitId))}
          />
        )}
        <CaseErrorMessage error={submission.error} onReload={onReload} />
      </Stack>
    </Card>
  );
}

/** A chooser and 追加; `options` null when the list may not be read, so an id is typed instead. */
function AddForm({
  label,
  placeholder,
  options,
  submission,
  onAdd,
}: {
  label: string;
  placeholder: string;
  options: readonly { value: string; label: string }[] | null;
  submission: Submission;
  onAdd: (id: string) => Promise<void>;
}) {
  const { t } = useI18n();
  const [chosen, setChosen] = useState<string | null>(null);
  const [isMissing, setMissing] = useState(false);

  function submit(event: SubmitEvent) {
    event.preventDefault();
    const id = chosen?.trim() ?? '';
    setMissing(id === '');
    if (id === '') return;
    void submission.run(async () => {
      await onAdd(id);
      setChosen(null);
    });
  }

  const error = isMissing ? t('validation.required') : undefined;
  let input: ReactNode;
  if (options === null)
    input = (
      <TextInput label={label} description={t('cases.id_hint')} value={chosen ?? ''} onChange={(event) => setChosen(event.currentTarget.value)} error={error} />
    );
  else
    input = (
      <Select
        label={label}
        placeholder={placeholder}
        data={options}
        value={chosen}
        onChange={setChosen}
        searchable
        nothingFoundMessage={t('common.nothing_found')}
        error={error}
      />
    );
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        {input}
        <div>
          <Button type="submit" variant="default" size="xs" loading={submission.isBusy}>
            {t('cases.add')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
