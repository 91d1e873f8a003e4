// The row of buttons that moves between the pages of one area (振分けキュー | 相談受理 | …), the
// current page marked for sight and for screen readers.
import { Button, Group } from '@mantine/core';
import { Link, usePathname } from '../app/router.tsx';

/** `isCurrent`: for an item that stands for a whole area (its detail pages too); by default, the exact path. */
export type SubNavItem = { href: string; label: string; isShown: boolean; isCurrent?: boolean };

export function SubNav({ label, items }: { label: string; items: readonly SubNavItem[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label}>
      <Group gap="xs" mb="md" wrap="wrap">
        {items
          .filter((item) => item.isShown)
          .map((item) => {
            const isCurrent = item.isCurrent ?? pathname === item.href;
            return (
              <Button
                key={item.href}
                component={Link}
                href={item.href}
                size="xs"
                variant={isCurrent ? 'filled' : 'default'}
                aria-current={isCurrent ? 'page' : undefined}
              >
                {item.label}
              </Button>
            );
          })}
      </Group>
    </nav>
  );
}
