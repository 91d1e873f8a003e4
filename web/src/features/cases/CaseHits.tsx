// Other cases and reports that recorded the same values as this case. One the viewer may open is
// linked by its number; one the viewer may not is named only by its owner unit (never its number
// or title), with a way to ask that case's lead for access (M3.2c need-to-know).
import { Anchor, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useId, useRef, useState, type SubmitEvent } from 'react';
import { PATHS } from '../../app/routes.tsx';
import { Link } from '../../app/router.tsx';
import { useCan } from '../../app/session.tsx';
import { useSubmission } from '../../app/useSubmission.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useObservableLabels } from '../observables/observableLabels.ts';
import type { Directory } from '../users/directory.ts';
import { casesApi, type CaseHit } from './cases.api.ts';
import { HITS_SHOWN, orderHits } from './caseHits.ts';

export function CaseHits({ hits, directory }: { hits: readonly CaseHit[]; directory: Directory }) {
  const { t } = useI18n();
  const [isExpanded, setExpanded] = useState(false);
  const ordered = orderHits(hits);
  const shown = isExpanded ? ordered : ordered.slice(0, HITS_SHOWN);
  return (
    <Stack gap="xs" data-testid="case-hits">
      <Text size="sm" fw={600} component="h3" m={0}>
        {t('cases.hits_title')}
      </Text>
      {hits.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('cases.no_hits')}
        </Text>
      ) : (
        <>
          <ul className="plain-list case-hit-list">
            {shown.map((hit, index) => (
              <li key={`${hit.sourceType}:${hit.sourceId ?? String(index)}`} data-source-type={hit.sourceType}>
                <HitEntry hit={hit} unit={directory.unitLabel(hit.ownerUnitId)} />
              </li>
            ))}
          </ul>
          {ordered.length > HITS_SHOWN && (
            <div>
              <Button size="compact-sm" variant="subtle" onClick={() => setExpanded(!isExpanded)} data-testid="case-hits-toggle">
                {isExpanded ? t('cases.hits_fewer') : t('cases.hits_more', { count: ordered.length - HITS_SHOWN })}
              </Button>
            </div>
          )}
        </>
      )}
    </Stack>
  );
}

function HitEntry({ hit, unit }: { hit: CaseHit; unit: string }) {
  const { t } = useI18n();
  const can = useCan();
  const labels = useObservableLabels();
  const textId = useId();
  const facts = t('cases.hit_facts', { unit, count: hit.shared });
  if (hit.sourceType === 'case' && hit.mayOpen && hit.sourceId)
    return (
      <Group gap="xs" wrap="wrap">
        <Anchor component={Link} href={PATHS.case(hit.sourceId)} size="sm" className="break-anywhere">
          {t('cases.hit_case', { caseNo: hit.label ?? hit.sourceId })}
        </Anchor>
        <Text size="xs" c="dimmed">
          {facts}
        </Text>
      </Group>
    );
  if (hit.sourceType === 'report' && hit.mayOpen && hit.sourceId)
    return (
      <Group gap="xs" wrap="wrap">
        <Anchor component={Link} href={PATHS.intakeItem(hit.sourceId)} size="sm">
          {labels.sourceType(hit.sourceType)}
        </Anchor>
        <Text size="xs" c="dimmed">
          {facts}
        </Text>
      </Group>
    );
  if (hit.sourceType === 'case' && hit.sourceId)
    return (
      <Stack gap={6}>
        <Text size="sm" id={textId} className="break-anywhere" data-testid="case-hit-hidden">
          {t('cases.hit_hidden_case', { unit, count: hit.shared })}
        </Text>
        {can('case.read') && <AccessRequestForm caseId={hit.sourceId} describedBy={textId} />}
      </Stack>
    );
  return (
    <Text size="sm" className="break-anywhere">
      {t('cases.hit_hidden_source', { source: labels.sourceType(hit.sourceType), unit, count: hit.shared })}
    </Text>
  );
}

/** 閲覧を申請: a reason for the case's lead, sent once; the server's message if it refuses. */
function AccessRequestForm({ caseId, describedBy }: { caseId: string; describedBy: string }) {
  const { t } = useI18n();
  const [isOpen, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [isMissing, setMissing] = useState(false);
  const [isSent, setSent] = useState(false);
  const { error, isBusy, run, clearError } = useSubmission();
  const reasonInput = useRef<HTMLTextAreaElement>(null);
  // The 閲覧を申請 button gives way to the form, so focus moves on to the reason.
  useEffect(() => {
    if (isOpen) reasonInput.current?.focus();
  }, [isOpen]);

  if (isSent)
    return (
      <Text size="sm" c="teal.8" role="status" data-testid="access-requested">
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
      await casesApi.requestAccess(caseId, reason);
      setSent(true);
    });
  }

  return (
    <form onSubmit={submit} noValidate className="access-request-form" aria-describedby={describedBy}>
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
