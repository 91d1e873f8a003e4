// Pieces shared by the sharing pages: the sub-navigation (共有グループ | 取込 | 出力 | TAXII 購読),
// an import's counts, and the table of what an import refused and why.
import { Badge, Group, Paper, SimpleGrid, Table, Text } from '@mantine/core';
import { PATHS } from '../../app/routes.tsx';
import { usePathname } from '../../app/router.tsx';
import { useCan } from '../../app/session.tsx';
import { SubNav } from '../../components/SubNav.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import type { ImportProblem } from './sharing.api.ts';
import { useSharingLabel } from './sharingLabels.ts';
import '../intake/intake.css';

export function SharingNav() {
  const { t } = useI18n();
  const can = useCan();
  const pathname = usePathname();
  const items = [
    { href: PATHS.sharing, label: t('sharing.nav_groups'), isShown: true, isCurrent: pathname === PATHS.sharing || pathname.startsWith('/sharing/groups/') },
    { href: PATHS.sharingImports, label: t('sharing.nav_imports'), isShown: true, isCurrent: pathname.startsWith(PATHS.sharingImports) },
    { href: PATHS.sharingExport, label: t('sharing.nav_export'), isShown: can('sharing.exchange') },
    { href: PATHS.sharingTaxii, label: t('sharing.nav_taxii'), isShown: can('sharing.exchange') },
  ];
  return <SubNav label={t('sharing.nav_label')} items={items} />;
}

export type ImportCounts = { total: number; imported: number; unchanged: number; refused: number };

/** 件数 / 取込 / 変更なし / 拒否, the refusals in red when there are any. */
export function ImportCountsGrid({ counts, testId }: { counts: ImportCounts; testId?: string }) {
  const { t } = useI18n();
  const cells = [
    { key: 'total', label: t('sharing.count_total'), value: counts.total, colour: 'inherit' },
    { key: 'imported', label: t('sharing.count_imported'), value: counts.imported, colour: counts.imported > 0 ? 'teal.8' : 'inherit' },
    { key: 'unchanged', label: t('sharing.count_unchanged'), value: counts.unchanged, colour: 'inherit' },
    { key: 'refused', label: t('sharing.count_refused'), value: counts.refused, colour: counts.refused > 0 ? 'red.8' : 'inherit' },
  ];
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs" data-testid={testId}>
      {cells.map((cell) => (
        <Paper key={cell.key} withBorder p="xs" data-count={cell.key}>
          <Text size="xs" c="dimmed">
            {cell.label}
          </Text>
          <Text size="xl" fw={700} c={cell.colour}>
            {cell.value.toLocaleString()}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

/** The compact form for a list row: 取込 3 · 変更なし 0 · 拒否 1. */
export function ImportCountsLine({ counts }: { counts: ImportCounts }) {
  const { t } = useI18n();
  return (
    <Group gap={6} wrap="wrap">
      <Text size="xs" className="nowrap">
        {t('sharing.counts_line', { total: counts.total, imported: counts.imported, unchanged: counts.unchanged })}
      </Text>
      {counts.refused > 0 && (
        <Badge size="sm" color="red" variant="light" tt="none" className="nowrap">
          {t('sharing.refused_badge', { count: counts.refused })}
        </Badge>
      )}
    </Group>
  );
}

export function BatchStatusBadge({ status }: { status: string }) {
  const label = useSharingLabel();
  const colour = status === 'done' ? 'teal' : status === 'failed' ? 'red' : status === 'interrupted' ? 'orange' : 'blue';
  return (
    <Badge color={colour} variant="light" tt="none" className="nowrap" data-status={status}>
      {label('batch_status', status)}
    </Badge>
  );
}

/** What was refused: where in the file (object number, line), the object's id, the code and the reason. */
export function ImportProblemsTable({ problems, total }: { problems: readonly ImportProblem[]; total: number }) {
  const { t } = useI18n();
  if (problems.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('sharing.no_problems')}
      </Text>
    );
  return (
    <>
      {problems.length < total && (
        <Text size="xs" c="dimmed" mb="xs">
          {t('sharing.problems_truncated', { shown: problems.length, total })}
        </Text>
      )}
      <Table.ScrollContainer minWidth={760}>
        <Table striped aria-label={t('sharing.problems_title')} data-testid="import-problems" layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={90}>{t('sharing.problem_index')}</Table.Th>
              <Table.Th w="22%">{t('sharing.problem_where')}</Table.Th>
              <Table.Th w="18%">{t('sharing.problem_code')}</Table.Th>
              <Table.Th>{t('sharing.problem_message')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {problems.map((problem, position) => (
              <Table.Tr key={`${String(problem.index)}-${problem.path}-${String(position)}`}>
                <Table.Td>
                  <Text size="sm">{problem.index === null ? '—' : t('sharing.problem_index_value', { index: problem.index + 1 })}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="xs" ff="monospace" className="break-anywhere">
                    {problem.path || '—'}
                  </Text>
                  {problem.id && (
                    <Text size="xs" ff="monospace" c="dimmed" className="break-anywhere">
                      {problem.id}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="xs" ff="monospace" className="break-anywhere">
                    {problem.code}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" className="break-anywhere">
                    {problem.message}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
