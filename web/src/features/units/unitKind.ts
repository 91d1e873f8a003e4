import { isMessageKey, useI18n } from '../../i18n/i18n.tsx';

export function useUnitKindLabel(): (kind: string) => string {
  const { t } = useI18n();
  return (kind) => {
    const key = `unit_kind.${kind}`;
    return isMessageKey(key) ? t(key) : kind;
  };
}
