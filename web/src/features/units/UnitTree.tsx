// The unit directory as a nested list of links, with expand/collapse buttons: every control is
// a real button or link, so Tab/Enter/Space work without extra code.
import { ActionIcon, Badge, Box, Text, UnstyledButton } from '@mantine/core';
import { Link } from '../../app/router.tsx';
import { PATHS } from '../../app/routes.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import type { TreeNode, TreeSection } from './unitTree.ts';
import { unitName } from './units.api.ts';

type TreeProps = { sections: readonly TreeSection[]; expanded: ReadonlySet<string>; onToggle: (id: string) => void; selectedId: string | null };

export function UnitTree({ sections, expanded, onToggle, selectedId }: TreeProps) {
  const { t } = useI18n();
  return (
    <Box>
      {sections.map((section) => (
        <Box key={section.id} component="section" aria-labelledby={`units-section-${section.id}`} mb="sm">
          <Text id={`units-section-${section.id}`} size="xs" fw={700} c="dimmed" mb={4}>
            {t(section.labelKey)}
          </Text>
          <ul className="unit-tree">
            {section.nodes.map((node) => (
              <TreeItem key={node.id} node={node} expanded={expanded} onToggle={onToggle} selectedId={selectedId} />
            ))}
          </ul>
        </Box>
      ))}
    </Box>
  );
}

function TreeItem({ node, expanded, onToggle, selectedId }: { node: TreeNode } & Omit<TreeProps, 'sections'>) {
  const { t, language } = useI18n();
  const isOpen = expanded.has(node.id);
  const hasChildren = node.children.length > 0;
  const label = node.type === 'unit' ? unitName(node.unit, language) : t(node.labelKey);
  const childListId = `unit-children-${node.id}`;

  return (
    <li>
      <div className="unit-row">
        {hasChildren ? (
          <ActionIcon
            variant="subtle"
            color="gray"
            size="sm"
            onClick={() => onToggle(node.id)}
            aria-expanded={isOpen}
            aria-controls={childListId}
            aria-label={t(isOpen ? 'units.collapse' : 'units.expand', { name: label })}
          >
            <span aria-hidden="true">{isOpen ? '▾' : '▸'}</span>
          </ActionIcon>
        ) : (
          <span className="unit-toggle-spacer" aria-hidden="true" />
        )}
        {node.type === 'unit' ? (
          <UnstyledButton
            component={Link}
            href={PATHS.unit(node.unit.id)}
            className="unit-select"
            aria-current={selectedId === node.unit.id ? 'true' : undefined}
          >
            <Text component="span" size="sm">
              {label}
            </Text>
            {node.unit.liaison && (
              <Badge component="span" size="xs" variant="dot" color="teal" ml={6} tt="none">
                {t('units.has_liaison')}
              </Badge>
            )}
          </UnstyledButton>
        ) : (
          <UnstyledButton className="unit-select" onClick={() => onToggle(node.id)} aria-expanded={isOpen} aria-controls={childListId}>
            <Text component="span" size="sm" fw={600}>
              {t('units.group_count', { label, count: node.children.length })}
            </Text>
          </UnstyledButton>
        )}
      </div>
      {hasChildren && isOpen && (
        <ul id={childListId}>
          {node.children.map((child) => (
            <TreeItem key={child.id} node={child} expanded={expanded} onToggle={onToggle} selectedId={selectedId} />
          ))}
        </ul>
      )}
    </li>
  );
}
