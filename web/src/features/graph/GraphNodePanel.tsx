// The selected node: what it is, a link to open it, 1ホップ展開, and for a case the viewer may not
// open, 閲覧を申請 (the case is named to the server only by its alias, never by its id).
import { Anchor, Badge, Button, Card, Group, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useId, useRef, useState, type SubmitEvent } from 'react';
import { Link } from '../../app/router.tsx';
import { useSubmission } from '../../app/useSubmission.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useObservableLabels } from '../observables/observableLabels.ts';
import type { Directory } from '../users/directory.ts';
import { graphApi, isExpandable, pageOf, type GraphNode } from './graph.api.ts';
import type { GraphLabels } from './graphLabels.ts';

type Props = {
  node: GraphNode | null;
  isExpanded: boolean;
  truncated: number;
  isExpanding: boolean;
  labels: GraphLabels;
  directory: Directory;
  onExpand: (nodeId: string) => void;
};

export function GraphNodePanel({ node, isExpanded, truncated, isExpanding, labels, directory, onExpand }: Props) {
  const { t } = useI18n();
  const observableLabels = useObservableLabels();
  const textId = useId();
  if (!node)
    return (
      <Card withBorder className="graph-panel" data-testid="graph-panel">
        <Text size="sm" c="dimmed">
          {t('graph.select_prompt')}
        </Text>
      </Card>
    );
  const page = pageOf(node);
  return (
    <Card withBorder className="graph-panel" data-testid="graph-panel" aria-live="polite">
      <Stack gap="xs">
        <Text size="xs" c="dimmed">
          {labels.kind(node)}
        </Text>
        <Text fw={600} className="break-anywhere" id={textId} translate={node.kind === 'observable' ? 'no' : undefined}>
          {labels.name(node)}
        </Text>
        {node.kind === 'case' && (
          <Text size="sm" className="break-anywhere">
            {node.title}
          </Text>
        )}
        {(node.kind === 'case' || node.kind === 'intake') && (
          <Text size="xs" c="dimmed">
            {t('graph.owner_unit', { unit: directory.unitLabel(node.ownerUnitId) })}
          </Text>
        )}
        {node.kind === 'case' && node.sensitive && (
          <Badge color="red" variant="filled" tt="none" w="fit-content">
            {t('cases.sensitive')}
          </Badge>
        )}
        {node.kind === 'observable' && node.warning !== null && (
          <Badge color="gray" variant="light" tt="none" w="fit-content" data-testid="graph-warning">
            {t('graph.warning', { list: observableLabels.warning(node.warning) })}
          </Badge>
        )}
        {node.kind === 'hidden' && (
          <Text size="xs" c="dimmed">
            {t('graph.hidden_hint')}
          </Text>
        )}
        {isExpanded && truncated > 0 && (
          <Text size="xs" c="orange.9" data-testid="graph-truncated">
            {t('graph.truncated', { count: truncated })}
          </Text>
        )}
        <Group gap="xs" wrap="wrap">
          {page && (
            <Anchor component={Link} href={page} size="sm">
              {t('graph.open')}
            </Anchor>
          )}
          {isExpandable(node) && (
            <Button size="xs" variant="light" onClick={() => onExpand(node.id)} disabled={isExpanded} loading={isExpanding} aria-describedby={textId}>
              {isExpanded ? t('graph.expanded') : t('graph.expand')}
            </Button>
          )}
        </Group>
        {node.kind === 'hidden' && node.mayRequestAccess && <GraphAccessRequestForm key={node.id} nodeId={node.id} describedBy={textId} />}
      </Stack>
    </Card>
  );
}

function GraphAccessRequestForm({ nodeId, describedBy }: { nodeId: string; describedBy: string }) {
  const { t } = useI18n();
  const [isOpen, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [isMissing, setMissing] = useState(false);
  const [isSent, setSent] = useState(false);
  const { error, isBusy, run, clearError } = useSubmission();
  const reasonInput = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (isOpen) reasonInput.current?.focus();
  }, [isOpen]);

  if (isSent)
    return (
      <Text size="sm" c="teal.8" role="status" data-testid="graph-access-requested">
        {t('cases.request_sent')}
      </Text>
    );
  if (!isOpen)
    return (
      <div>
        <Button size="xs" variant="default" onClick={() => setOpen(true)} aria-describedby={describedBy}>
          {t('cases.request_access')}
        </Button>
      </div>
    );

  function submit(event: SubmitEvent) {
    event.preventDefault();
    setMissing(reason.trim() === '');
    if (reason.trim() === '') return;
    void run(async () => {
      await graphApi.requestAccess(nodeId, reason);
      setSent(true);
    });
  }

  return (
    <form onSubmit={submit} noValidate aria-describedby={describedBy}>
      <Stack gap="xs">
        <Textarea
          label={t('cases.request_reason')}
          description={t('cases.request_reason_hint')}
          value={reason}
          onChange={(event) => {
            setReason(event.currentTarget.value);
            setMissing(false);
          }}
          error={isMissing ? t('validation.required') : undefined}
          required
          autosize
          minRows={2}
          maxRows={6}
          maxLength={2000}
          ref={reasonInput}
        />
        <ErrorMessage error={error} />
        <Group gap="xs">
          <Button type="submit" size="xs" loading={isBusy}>
            {t('cases.request_submit')}
          </Button>
          <Button
            size="xs"
            variant="subtle"
            onClick={() => {
              setOpen(false);
              clearError();
            }}
          >
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
