// The triage actions on an open item, each shown only to those allowed to take it: 担当する,
// 所属変更, 処理結果を記録して終了, 重複として統合 and 事件化. Note-taking sits with the notes.
import { Button, Card, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { ApiError } from '../../app/api.ts';
import { useCan, useSession } from '../../app/session.tsx';
import { toApiError } from '../../app/useApiQuery.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import type { Unit } from '../units/units.api.ts';
import { intakeApi, isOpen, type CaseOpened, type Item } from './intake.api.ts';
import { CloseModal, MergeModal, OpenCaseModal, ReassignModal } from './ItemActionModals.tsx';

type Dialog = 'reassign' | 'close' | 'merge' | 'case';

export function ItemActions({
  item,
  units,
  onChanged,
  onCaseOpened,
}: {
  item: Item;
  units: readonly Unit[];
  onChanged: () => void;
  onCaseOpened: (opened: CaseOpened) => void;
}) {
  const { t } = useI18n();
  const can = useCan();
  const session = useSession();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [isClaiming, setClaiming] = useState(false);
  const canWrite = can('intake.write');
  const canOpenCase = can('case.open');
  if (!canWrite && !canOpenCase) return null;

  if (!isOpen(item.status)) {
    return (
      <Card withBorder component="section" aria-labelledby="item-actions-title">
        <Title order={2} size="h4" id="item-actions-title" mb="xs">
          {t('intake.actions_title')}
        </Title>
        <Text size="sm" c="dimmed" data-testid="item-finished">
          {t('intake.finished_note')}
        </Text>
      </Card>
    );
  }

  async function claim() {
    setClaiming(true);
    setError(null);
    try {
      await intakeApi.claim(item.id);
      onChanged();
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setClaiming(false);
    }
  }

  const close = () => setDialog(null);
  const done = () => {
    setDialog(null);
    onChanged();
  };
  const isMine = item.claimedBy === session.user.id;

  return (
    <Card withBorder component="section" aria-labelledby="item-actions-title" data-testid="item-actions">
      <Stack gap="xs">
        <Title order={2} size="h4" id="item-actions-title">
          {t('intake.actions_title')}
        </Title>
        {isMine && (
          <Text size="sm" c="indigo" data-testid="claimed-by-me">
            {t('intake.claimed_by_me')}
          </Text>
        )}
        {canWrite && item.claimedBy === null && (
          <Button onClick={() => void claim()} loading={isClaiming} fullWidth>
            {t('intake.claim')}
          </Button>
        )}
        {canOpenCase && (
          <Button color="grape" variant={item.claimedBy === null ? 'light' : 'filled'} onClick={() => setDialog('case')} fullWidth>
            {t('intake.open_case')}
          </Button>
        )}
        {canWrite && (
          <>
            <Button variant="default" onClick={() => setDialog('close')} fullWidth>
              {t('intake.close')}
            </Button>
            <Button variant="default" onClick={() => setDialog('reassign')} fullWidth>
              {t('intake.reassign')}
            </Button>
            <Button variant="default" onClick={() => setDialog('merge')} fullWidth>
              {t('intake.merge')}
            </Button>
          </>
        )}
        <ErrorMessage error={error} />
      </Stack>
      {dialog === 'reassign' && <ReassignModal item={item} units={units} onClose={close} onDone={done} />}
      {dialog === 'close' && <CloseModal item={item} onClose={close} onDone={done} />}
      {dialog === 'merge' && <MergeModal item={item} onClose={close} onDone={done} />}
      {dialog === 'case' && (
        <OpenCaseModal
          item={item}
          onClose={close}
          onDone={(opened) => {
            setDialog(null);
            onCaseOpened(opened);
          }}
        />
      )}
    </Card>
  );
}
