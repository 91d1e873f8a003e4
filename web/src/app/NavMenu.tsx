import { Badge, NavLink, ScrollArea, Text } from '@mantine/core';
import { useI18n } from '../i18n/i18n.tsx';
import { COMING_SOON_NAV, isNavItemActive, LIVE_NAV } from './navigation.ts';
import { Link, usePathname } from './router.tsx';
import { useCan } from './session.tsx';

export function NavMenu() {
  const { t } = useI18n();
  const can = useCan();
  const pathname = usePathname();
  return (
    <ScrollArea type="auto" style={{ flex: 1 }}>
      <ul className="nav-list">
        {LIVE_NAV.filter((item) => item.permission === null || can(item.permission)).map((item) => {
          const isActive = isNavItemActive(item.href, pathname);
          return (
            <li key={item.href}>
              <NavLink component={Link} href={item.href} label={t(item.labelKey)} active={isActive} aria-current={isActive ? 'page' : undefined} />
            </li>
          );
        })}
      </ul>
      <Text size="xs" c="dimmed" fw={700} px="sm" mt="md" mb={4} id="nav-coming-soon">
        {t('nav.coming_soon_section')}
      </Text>
      <ul className="nav-list" aria-labelledby="nav-coming-soon">
        {COMING_SOON_NAV.map((key) => (
          <li key={key}>
            <NavLink
              component="span"
              disabled
              aria-disabled="true"
              label={t(key)}
              rightSection={
                <Badge size="xs" variant="light" color="gray" tt="none">
                  {t('nav.coming_soon')}
                </Badge>
              }
            />
          </li>
        ))}
      </ul>
    </ScrollArea>
  );
}
