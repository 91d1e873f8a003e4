// Catalogue labels for the names the sharing API sends (import kinds and statuses, who imported,
// TAXII authentication). An unknown name is shown as it is.
import { useCallback } from 'react';
import { isMessageKey, useI18n } from '../../i18n/i18n.tsx';

export type SharingLabelGroup = 'batch_kind' | 'batch_status' | 'actor_kind' | 'auth_kind' | 'format';

export function useSharingLabel(): (group: SharingLabelGroup, name: string) => string {
  const { t } = useI18n();
  return useCallback(
    (group: SharingLabelGroup, name: string) => {
      const key = `sharing.${group}.${name}`;
      return isMessageKey(key) ? t(key) : name;
    },
    [t],
  );
}
