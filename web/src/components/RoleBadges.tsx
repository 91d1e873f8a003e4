import { Badge, Group } from '@mantine/core';
import { isMessageKey, useI18n } from '../i18n/i18n.tsx';

export function useRoleLabel(): (role: string) => string {
  const { t } = useI18n();
  return (role) => {
    const key = `role.${role}`;
    return isMessageKey(key) ? t(key) : role;
  };
}

export function RoleBadges({ roles }: { roles: readonly string[] }) {
  const roleLabel = useRoleLabel();
  return (
    <Group gap={4} wrap="wrap">
      {roles.map((role) => (
        <Badge key={role} variant="light" size="sm" tt="none">
          {roleLabel(role)}
        </Badge>
      ))}
    </Group>
  );
}
