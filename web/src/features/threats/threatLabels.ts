// Catalogue labels for the names the threats API sends (kinds, confidences, NPA survey items).
// Victim industry, size and infection route reuse the intake labels. An unknown name is shown as it is.
import { useCallback } from 'react';
import { isMessageKey, useI18n } from '../../i18n/i18n.tsx';

export type ThreatLabelGroup = 'kind' | 'confidence' | 'backup' | 'recovery_period' | 'recovery_cost' | 'method' | 'bucket';

export function useThreatLabel(): (group: ThreatLabelGroup, name: string) => string {
  const { t } = useI18n();
  return useCallback(
    (group: ThreatLabelGroup, name: string) => {
      const key = `threats.${group}.${name}`;
      return isMessageKey(key) ? t(key) : name;
    },
    [t],
  );
}
