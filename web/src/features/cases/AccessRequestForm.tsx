// 閲覧を申請: the form that asks a case's lead for access to a case the viewer may not open.
import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import { useSubmission } from '../../app/useSubmission.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

/** 閲覧を申請: a reason for the case's lead, sent once; the server's message if it refuses. Used by the correlation panel and the link graph. */
export function AccessRequestForm({ send, describedBy, testId }: { send: (reason: string) => Promise<unknown>; describedBy: string; testId: string }) {
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
      <Text size="sm" c="teal.8" role="status" data-testid={testId}>
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
      await send(reason);
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
