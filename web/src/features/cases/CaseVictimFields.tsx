// The victim and the damage, as the new-case form and the edit dialog ask for them: a person (a
// name) or an organisation (name, industry, size, how far it has recovered, and what limits
// the investigation may place on its operations), and the damage in yen.
import { NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { INDUSTRIES, ORG_SIZES } from '../../../../src/modules/intake/intake.taxonomy.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useIntakeLabel } from '../intake/intakeLabels.ts';
import type { CaseVictim } from './cases.api.ts';

type VictimKind = 'none' | CaseVictim['kind'];
type OrgSize = (typeof ORG_SIZES)[number];
const VICTIM_KINDS: readonly VictimKind[] = ['none', 'person', 'organisation'];

export type VictimDraft = {
  kind: VictimKind;
  name: string;
  industry: string | null;
  orgSize: OrgSize | null;
  recoveryState: string;
  operationalConstraints: string;
  /** Yen; '' when not known. */
  damageYen: number | '';
};

export function victimDraftOf(victim: CaseVictim | null, damageYen: number | null): VictimDraft {
  return {
    kind: victim?.kind ?? 'none',
    name: victim?.name ?? '',
    industry: victim?.industry ?? null,
    orgSize: victim?.orgSize ?? null,
    recoveryState: victim?.recoveryState ?? '',
    operationalConstraints: victim?.operationalConstraints ?? '',
    damageYen: damageYen ?? '',
  };
}

/** The draft as the API's Victim: empty fields left out, organisation fields only for an organisation. */
export function victimOf(draft: VictimDraft): CaseVictim | null {
  if (draft.kind === 'none') return null;
  const victim: CaseVictim = { kind: draft.kind };
  if (draft.name.trim()) victim.name = draft.name.trim();
  if (draft.kind === 'person') return victim;
  if (draft.industry) victim.industry = draft.industry;
  if (draft.orgSize) victim.orgSize = draft.orgSize;
  if (draft.recoveryState.trim()) victim.recoveryState = draft.recoveryState.trim();
  if (draft.operationalConstraints.trim()) victim.operationalConstraints = draft.operationalConstraints.trim();
  return victim;
}

function pickKind(value: string): VictimKind {
  return VICTIM_KINDS.find((kind) => kind === value) ?? 'none';
}

function pickOrgSize(value: string | null): OrgSize | null {
  return ORG_SIZES.find((size) => size === value) ?? null;
}

export function CaseVictimFields({
  draft,
  onChange,
  problems,
}: {
  draft: VictimDraft;
  onChange: (draft: VictimDraft) => void;
  problems: Readonly<Record<string, string>>;
}) {
  const { t } = useI18n();
  const label = useIntakeLabel();
  const set = <K extends keyof VictimDraft>(key: K, value: VictimDraft[K]) => onChange({ ...draft, [key]: value });
  const kindLabels: Record<VictimKind, string> = {
    none: t('cases.victim_none'),
    person: t('cases.victim_person'),
    organisation: t('cases.victim_organisation'),
  };
  return (
    <Stack gap="sm">
      <div>
        <Text size="sm" fw={500} mb={4} id="case-victim-kind">
          {t('cases.victim_kind')}
        </Text>
        <SegmentedControl
          aria-labelledby="case-victim-kind"
          value={draft.kind}
          onChange={(value) => set('kind', pickKind(value))}
          data={VICTIM_KINDS.map((kind) => ({ value: kind, label: kindLabels[kind] }))}
        />
      </div>
      {draft.kind !== 'none' && (
        <TextInput
          label={draft.kind === 'person' ? t('cases.victim_person_name') : t('cases.victim_org_name')}
          value={draft.name}
          onChange={(event) => set('name', event.currentTarget.value)}
          error={problems['victim.name']}
          maxLength={200}
        />
      )}
      {draft.kind === 'organisation' && (
        <>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label={t('cases.victim_industry')}
              data={INDUSTRIES.map((industry) => ({ value: industry, label: label('industry', industry) }))}
              value={draft.industry}
              onChange={(value) => set('industry', value)}
              error={problems['victim.industry']}
              clearable
              searchable
            />
            <Select
              label={t('cases.victim_org_size')}
              data={ORG_SIZES.map((size) => ({ value: size, label: label('org_size', size) }))}
              value={draft.orgSize}
              onChange={(value) => set('orgSize', pickOrgSize(value))}
              error={problems['victim.orgSize']}
              clearable
            />
          </SimpleGrid>
          <Textarea
            label={t('cases.victim_recovery')}
            description={t('cases.victim_recovery_hint')}
            value={draft.recoveryState}
            onChange={(event) => set('recoveryState', event.currentTarget.value)}
            error={problems['victim.recoveryState']}
            autosize
            minRows={2}
            maxLength={500}
          />
          <Textarea
            label={t('cases.victim_constraints')}
            description={t('cases.victim_constraints_hint')}
            value={draft.operationalConstraints}
            onChange={(event) => set('operationalConstraints', event.currentTarget.value)}
            error={problems['victim.operationalConstraints']}
            autosize
            minRows={2}
            maxLength={2000}
          />
        </>
      )}
      <NumberInput
        label={t('cases.damage')}
        value={draft.damageYen}
        onChange={(next) => set('damageYen', typeof next === 'number' ? next : '')}
        error={problems.damageYen}
        min={0}
        max={1_000_000_000_000}
        allowDecimal={false}
        allowNegative={false}
        thousandSeparator=","
        suffix={t('intake.yen_suffix')}
      />
    </Stack>
  );
}
