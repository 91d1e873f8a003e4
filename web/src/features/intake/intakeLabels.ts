// Catalogue labels for the taxonomy names the server sends (japan.md §10): kinds, categories and
// sub-categories, channels, outcomes, priorities, statuses, routing flags and guidance, and the
// values inside an item's details. An unknown name is shown as it is.
import { useCallback, useMemo } from 'react';
import { isMessageKey, useI18n } from '../../i18n/i18n.tsx';

/** Label groups: the catalogue key is `intake.<group>.<name>`. */
export type LabelGroup =
  | 'kind'
  | 'reporter_type'
  | 'category'
  | 'subcategory'
  | 'channel'
  | 'outcome'
  | 'priority'
  | 'status'
  | 'flag'
  | 'guidance'
  | 'guidance_text'
  | 'flag_text'
  | 'rule'
  | 'route'
  | 'origin'
  | 'author'
  | 'section'
  | 'ihc'
  | 'payment'
  | 'message_channel'
  | 'industry'
  | 'org_size'
  | 'vector'
  | 'backup'
  | 'yes_no_unknown'
  | 'contact_pref';

export type IntakeLabel = (group: LabelGroup, name: string) => string;

export function useIntakeLabel(): IntakeLabel {
  const { t } = useI18n();
  return useCallback(
    (group: LabelGroup, name: string) => {
      const key = `intake.${group}.${name}`;
      return isMessageKey(key) ? t(key) : name;
    },
    [t],
  );
}

/** True when the catalogue has a label (guidance without one is shown by its id only). */
export function hasIntakeLabel(group: LabelGroup, name: string): boolean {
  return isMessageKey(`intake.${group}.${name}`);
}

/** The label of a detail field: `intake.detail.<section>.<field>`. */
export function useDetailLabel(): (section: string, field: string) => string {
  const { t } = useI18n();
  return useCallback(
    (section: string, field: string) => {
      const key = `intake.detail.${section}.${field}`;
      return isMessageKey(key) ? t(key) : field;
    },
    [t],
  );
}

/** 「不正アクセス・コンピュータウイルス / フィッシング」: the category with its sub-category. */
export function useCategoryText(): (category: string, subcategory: string | null) => string {
  const label = useIntakeLabel();
  return useMemo(
    () => (category, subcategory) => (subcategory ? `${label('category', category)} / ${label('subcategory', subcategory)}` : label('category', category)),
    [label],
  );
}
