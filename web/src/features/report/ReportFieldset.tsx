// The frame of one group of follow-up questions, and the options of an optional select.
import { Fieldset, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useI18n, type MessageKey, type Translate } from '../../i18n/i18n.tsx';
import type { DraftEditor } from './reportDraft.ts';
import type { FieldErrors } from './reportValidation.ts';

export type SectionProps = { editor: DraftEditor; errors: FieldErrors };

/** Options of an optional select: "choose" first (sent as nothing), then the labelled values. */
export function optionsOf<T extends string>(t: Translate, values: readonly T[], label: (value: T) => string) {
  return [{ value: '', label: t('report.field.choose') }, ...values.map((value) => ({ value, label: label(value) }))];
}

export function ReportFieldset({ legend, children }: { legend: MessageKey; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <Fieldset legend={t(legend)} className="report-fieldset">
      <Stack gap="md">{children}</Stack>
    </Fieldset>
  );
}
