// Catalogue labels for the names the server sends: observable types, warning lists, enrichment
// and attribute keys, phone line kinds and source types. An unknown name is shown as it is.
import { useCallback, useMemo } from 'react';
import { isMessageKey, useI18n, type Language } from '../../i18n/i18n.tsx';

export type ObservableLabels = {
  type: (type: string) => string;
  warning: (list: string) => string;
  enrichment: (key: string) => string;
  attribute: (key: string) => string;
  lineType: (kind: string) => string;
  sourceType: (sourceType: string) => string;
};

export function useObservableLabels(): ObservableLabels {
  const { t } = useI18n();
  const label = useCallback(
    (prefix: string, name: string) => {
      const key = `observables.${prefix}.${name}`;
      return isMessageKey(key) ? t(key) : name;
    },
    [t],
  );
  return useMemo(
    () => ({
      type: (type) => label('type', type),
      warning: (list) => label('warning', list),
      enrichment: (key) => label('enrichment', key),
      attribute: (key) => label('attribute', key),
      lineType: (kind) => label('line_type', kind),
      sourceType: (sourceType) => label('source_type', sourceType),
    }),
    [label],
  );
}

/** "オランダ (NL)" for a two-letter region code, or the code alone if the browser has no name. */
export function countryName(language: Language, code: string): string {
  try {
    const name = new Intl.DisplayNames([language === 'ja' ? 'ja-JP' : 'en-GB'], { type: 'region' }).of(code);
    return name && name !== code ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}
