// 部署一覧: the directory tree on one side, the selected unit on the other; the general manager
// (サイバーセキュリティ総括責任者) at the top.
import { Button, Card, Grid, Text, TextInput } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { navigate } from '../../app/router.tsx';
import { PATHS, type PageProps } from '../../app/routes.tsx';
import { useCan } from '../../app/session.tsx';
import { useApiQuery } from '../../app/useApiQuery.ts';
import { QueryView } from '../../app/QueryView.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { CreateUnitModal } from './CreateUnitModal.tsx';
import { PersonEditor } from './PersonEditor.tsx';
import { UnitDetailPanel } from './UnitDetailPanel.tsx';
import { UnitTree } from './UnitTree.tsx';
import { ancestorsOf, buildUnitTree, filterTree, initiallyExpanded, type TreeNode } from './unitTree.ts';
import { unitsApi, type Unit } from './units.api.ts';

export function UnitsPage({ params }: PageProps) {
  const { t } = useI18n();
  const can = useCan();
  const units = useApiQuery(() => unitsApi.list());
  const selectedId = params.unitId ?? null;
  const [isCreating, setCreating] = useState(false);
  const [createdId, setCreatedId] = useState<string | null>(null);
  useEffect(() => {
    // Select the new unit once the reloaded list has it, so the tree can show where it sits.
    if (createdId === null || !units.data?.some((unit) => unit.id === createdId)) return;
    setCreatedId(null);
    navigate(PATHS.unit(createdId));
  }, [units.data, createdId]);
  const createButton = can('unit.manage') && (
    <Button onClick={() => setCreating(true)} disabled={units.data === null}>
      {t('units.create')}
    </Button>
  );

  return (
    <>
      <PageHeading title={t('units.title')} actions={createButton} />
      <GeneralManagerCard />
      <QueryView query={units}>{(items) => <Directory units={items} selectedId={selectedId} onChanged={units.reload} />}</QueryView>
      {isCreating && units.data && (
        <CreateUnitModal
          units={units.data}
          parentId={units.data.some((unit) => unit.id === selectedId) ? selectedId : null}
          onClose={() => setCreating(false)}
          onCreated={(created) => {
            setCreating(false);
            setCreatedId(created.id);
            units.reload();
          }}
        />
      )}
    </>
  );
}

function GeneralManagerCard() {
  const { t } = useI18n();
  const can = useCan();
  const manager = useApiQuery(() => unitsApi.getGeneralManager());
  return (
    <Card withBorder mb="md" component="section" aria-label={t('units.general_manager')}>
      <ErrorMessage error={manager.error} />
      {manager.data && (
        <PersonEditor
          label={t('units.general_manager')}
          person={manager.data.user}
          canEdit={can('unit.liaison.manage')}
          testId="general-manager"
          onSave={async (userId) => {
            await unitsApi.setGeneralManager(userId);
            manager.reload();
          }}
        />
      )}
    </Card>
  );
}

function Directory({ units, selectedId, onChanged }: { units: readonly Unit[]; selectedId: string | null; onChanged: () => void }) {
  const { t } = useI18n();
  const sections = useMemo(() => buildUnitTree(units), [units]);
  const [expanded, setExpanded] = useState<Set<string>>(() => {
    const open = initiallyExpanded(sections);
    if (selectedId) for (const id of ancestorsOf(units, selectedId)) open.add(id);
    return open;
  });
  useEffect(() => {
    if (!selectedId) return;
    const needed = ancestorsOf(units, selectedId);
    setExpanded((current) => (needed.every((id) => current.has(id)) ? current : new Set([...current, ...needed])));
  }, [units, selectedId]);
  const [query, setQuery] = useState('');
  const needle = query.trim().toLowerCase();

  const visible = useMemo(() => {
    if (!needle) return sections;
    const matches = (unit: Unit) => unit.nameJa.toLowerCase().includes(needle) || unit.nameEn.toLowerCase().includes(needle) || unit.code.includes(needle);
    return sections
      .map((section) => ({ ...section, nodes: section.nodes.map((node) => filterTree(node, matches)).filter((node): node is TreeNode => node !== null) }))
      .filter((section) => section.nodes.length > 0);
  }, [sections, needle]);

  const allIds = useMemo(() => {
    const ids = new Set<string>();
    const visit = (node: TreeNode) => {
      ids.add(node.id);
      node.children.forEach(visit);
    };
    visible.forEach((section) => section.nodes.forEach(visit));
    return ids;
  }, [visible]);

  const toggle = (id: string) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const selectedExists = selectedId !== null && units.some((unit) => unit.id === selectedId);

  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: 5 }} order={{ base: 2, md: 1 }}>
        <Card withBorder component="section" aria-label={t('units.tree_label')}>
          <TextInput
            label={t('units.filter')}
            placeholder={t('units.filter_placeholder')}
            value={query}
            onChange={(event) => setQuery(event.currentTarget.value)}
            mb="sm"
          />
          {visible.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('common.nothing_found')}
            </Text>
          ) : (
            <UnitTree sections={visible} expanded={needle ? allIds : expanded} onToggle={toggle} selectedId={selectedId} />
          )}
        </Card>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 7 }} order={{ base: 1, md: 2 }}>
        {selectedExists && selectedId ? (
          <UnitDetailPanel unitId={selectedId} units={units} onChanged={onChanged} />
        ) : (
          <Card withBorder>
            <Text size="sm" c="dimmed">
              {selectedId ? t('units.not_found') : t('units.select_prompt')}
            </Text>
          </Card>
        )}
      </Grid.Col>
    </Grid>
  );
}
