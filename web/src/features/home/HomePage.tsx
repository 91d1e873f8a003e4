import { Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useSession, useCan } from '../../app/session.tsx';
import { useApiQuery } from '../../app/useApiQuery.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { RoleBadges } from '../../components/RoleBadges.tsx';
import { isMessageKey, useI18n } from '../../i18n/i18n.tsx';
import { unitName, unitsApi } from '../units/units.api.ts';

export function HomePage() {
  const { t, language } = useI18n();
  const session = useSession();
  const can = useCan();
  const unitId = session.user.unitId;
  const unit = useApiQuery(async () => (unitId && can('unit.read') ? unitsApi.get(unitId) : null), [unitId]);
  const stageKey = `stage.${session.stage}`;

  return (
    <Stack gap="md">
      <PageHeading title={t('home.title')} />
      <Text size="lg" data-testid="welcome">
        {t('home.welcome', { name: session.user.displayName })}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        <Card withBorder>
          <Title order={2} size="h5" mb={4}>
            {t('home.stage')}
          </Title>
          <Text data-testid="home-stage">{isMessageKey(stageKey) ? t(stageKey) : session.stage}</Text>
        </Card>
        <Card withBorder>
          <Title order={2} size="h5" mb={4}>
            {t('home.unit')}
          </Title>
          <Text>{unit.data ? unitName(unit.data, language) : unitId ? (unit.isLoading ? t('common.loading') : unitId) : t('home.no_unit')}</Text>
        </Card>
        <Card withBorder>
          <Title order={2} size="h5" mb={4}>
            {t('home.roles')}
          </Title>
          <Group>
            <RoleBadges roles={session.user.roles} />
          </Group>
        </Card>
      </SimpleGrid>
      <Text size="sm" c="dimmed">
        {t('home.modules_note')}
      </Text>
    </Stack>
  );
}
