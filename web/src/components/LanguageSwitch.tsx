// 日本語 / English. The choice is remembered (localStorage and the koban_lang cookie).
import { SegmentedControl } from '@mantine/core';
import { isLanguage, useI18n } from '../i18n/i18n.tsx';

export function LanguageSwitch({ size = 'xs' }: { size?: 'xs' | 'sm' }) {
  const { language, setLanguage, t } = useI18n();
  return (
    <SegmentedControl
      size={size}
      aria-label={t('language.label')}
      value={language}
      onChange={(value) => {
        if (isLanguage(value)) setLanguage(value);
      }}
      data={[
        { value: 'ja', label: t('language.ja') },
        { value: 'en', label: t('language.en') },
      ]}
    />
  );
}
