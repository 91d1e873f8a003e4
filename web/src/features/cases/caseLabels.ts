// Catalogue labels for case statuses (認知, 捜査中 … 終結). Priorities, categories, industries and
// organisation sizes share the intake taxonomy and its labels (intakeLabels.ts).
import { useCallback } from 'react';
import { isMessageKey, useI18n } from '../../i18n/i18n.tsx';

/** The label of a status; a name the catalogue does not know is shown as it is. */
export function useCaseStatusLabel(): (status: string) => string {
  const { t } = useI18n();
  return useCallback(
    (status: string) => {
      const key = `cases.status.${status}`;
      return isMessageKey(key) ? t(key) : status;
    },
    [t],
  );
}
