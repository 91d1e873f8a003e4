import { Anchor, Badge, Button, Card, Divider, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from '../../app/router.tsx';
import { PATHS } from '../../app/routes.tsx';
import { useCan } from '../../app/session.tsx';
import { useApiQuery } from '../../app/useApiQuery.ts';
import { QueryView } from '../../app/QueryView.tsx';
import { RoleBadges } from '../../components/RoleBadges.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { EditUnitModal } from './EditUnitModal.tsx';
import { PersonEditor } from './PersonEditor.tsx';
import { useUnitKindLabel } from './unitKind.ts';
import { unitName, unitsApi, type Unit } from './units.api.ts';

export function UnitDetailPanel({ unitId, units, onChanged }: { unitId: string; units: readonly Unit[]; onChanged: () => void }) {
  const { t, language } = useI18n();
  const can = useCan();
  const kindLabel = useUnitKindLabel();
  const detail = useApiQuery(() => unitsApi.get(unitId), [unitId]);
  const parent = units.find((unit) => unit.id === detail.data?.parentId);
  const [isEditing, setEditing] = useState(false);

  return (
    <Card withBorder component="section" aria-labelledby="unit-detail-title" data-testid="unit-detail" className="sticky-panel">
      <QueryView query={detail}>
        {(unit) => (
          <Stack gap="sm">
            <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
              <div>
                <Group gap="xs" wrap="wrap">
                  <Title order={2} size="h3" id="unit-detail-title">
                    {unitName(unit, language)}
                  </Title>
                  <Badge variant="light" tt="none">
                    {kindLabel(unit.kind)}
                  </Badge>
                </Group>
                <Text size="sm" c="dimmed">
                  {language === 'ja' ? unit.nameEn : unit.nameJa}
                </Text>
              </div>
              {can('unit.manage') && (
                <Button size="xs" variant="light" onClick={() => setEditing(true)} style={{ flexShrink: 0 }}>
                  {t('common.edit')}
                </Button>
              )}
            </Group>
            {isEditing && (
              <EditUnitModal
                unit={unit}
                units={units}
                onClose={() => setEditing(false)}
                onSaved={() => {
                  detail.reload();
                  onChanged();
                }}
              />
            )}
            <Table variant="vertical" layout="fixed" withTableBorder={false}>
              <Table.Tbody>
                <Table.Tr>
                  <Table.Th w={140}>{t('units.code')}</Table.Th>
                  <Table.Td>{unit.code}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>{t('units.parent')}</Table.Th>
                  <Table.Td>
                    {parent ? (
                      <Anchor component={Link} href={PATHS.unit(parent.id)} size="sm">
                        {unitName(parent, language)}
                      </Anchor>
                    ) : (
                      t('units.no_parent')
                    )}
                  </Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>{t('units.phone')}</Table.Th>
                  <Table.Td>{unit.phone ?? '—'}</Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
            <PersonEditor
              label={t('units.liaison')}
              person={unit.liaison}
              canEdit={can('unit.liaison.manage')}
              testId="unit-liaison"
              onSave={async (userId) => {
                await unitsApi.setLiaison(unit.id, userId);
                detail.reload();
                onChanged();
              }}
            />
            <Divider />
            <Title order={3} size="h5">
              {t('units.members', { count: unit.members.length })}
            </Title>
            {unit.members.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('units.no_members')}
              </Text>
            ) : (
              <Table.ScrollContainer minWidth={360}>
                <Table striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('users.display_name')}</Table.Th>
                      <Table.Th>{t('users.username')}</Table.Th>
                      <Table.Th>{t('users.roles')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {unit.members.map((member) => (
                      <Table.Tr key={member.id}>
                        <Table.Td>
                          {member.displayName}
                          {member.disabled && (
                            <Badge ml={6} size="xs" color="gray" tt="none">
                              {t('users.status.disabled')}
                            </Badge>
                          )}
                        </Table.Td>
                        <Table.Td>{member.username}</Table.Td>
                        <Table.Td>
                          <RoleBadges roles={member.roles} />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Stack>
        )}
      </QueryView>
    </Card>
  );
}
