import { createTheme, MantineProvider } from '@mantine/core';
import type { ReactNode } from 'react';
import { I18nProvider } from '../i18n/i18n.tsx';
import { SessionProvider } from './session.tsx';

const FONT_STACK = "system-ui, -apple-system, 'Segoe UI', 'Hiragino Sans', 'Hiragino Kaku Gothic ProN', 'Noto Sans CJK JP', 'Noto Sans JP', Meiryo, sans-serif";

const theme = createTheme({
  primaryColor: 'indigo',
  fontFamily: FONT_STACK,
  headings: { fontFamily: FONT_STACK },
  focusRing: 'auto',
  defaultRadius: 'sm',
});

export function Providers({ children }: { children: ReactNode }) {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <I18nProvider>
        <SessionProvider>{children}</SessionProvider>
      </I18nProvider>
    </MantineProvider>
  );
}
