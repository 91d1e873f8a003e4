// Choosing files for a report or an addition: each chosen file with its size and a remove
// button, and the limits checked before anything is sent.
import { Button, CloseButton, FileButton, Group, Input, List, Stack, Text } from '@mantine/core';
import { useRef } from 'react';
import { useI18n, type Translate } from '../../i18n/i18n.tsx';
import { ATTACHMENT_ACCEPT, attachmentProblems, formatBytes, totalBytes, withPickedFiles, type AttachmentProblem, type UploadLimits } from './attachments.ts';

type Props = { files: readonly File[]; onChange: (files: File[]) => void; limits: UploadLimits; hint?: string | undefined; testId?: string };

function describeAttachmentProblem(t: Translate, problem: AttachmentProblem, limits: UploadLimits, format: (bytes: number) => string): string {
  switch (problem.kind) {
    case 'too_large':
      return t('report.attachments.too_large', { name: problem.name, limit: format(limits.attachmentMaxBytes) });
    case 'too_many':
      return t('report.attachments.too_many', { max: limits.attachmentMaxFiles });
    case 'total_too_large':
      return t('report.attachments.total_too_large', { limit: format(limits.reportMaxBytes) });
  }
}

export function AttachmentPicker({ files, onChange, limits, hint, testId = 'attachments' }: Props) {
  const { t, language } = useI18n();
  const resetPicker = useRef<() => void>(null);
  const format = (bytes: number) => formatBytes(language, bytes);
  const problems = attachmentProblems(files, limits);
  const oversized = new Set(problems.flatMap((problem) => (problem.kind === 'too_large' ? [problem.name] : [])));

  return (
    <Stack gap="xs" role="group" aria-labelledby={`${testId}-label`} data-testid={testId}>
      <Input.Label size="md" component="div" id={`${testId}-label`}>
        {t('report.attachments.title')}
      </Input.Label>
      <Text size="sm" c="dimmed">
        {hint ? `${hint} ` : ''}
        {t('report.attachments.limits', { perFile: format(limits.attachmentMaxBytes), total: format(limits.reportMaxBytes), max: limits.attachmentMaxFiles })}
      </Text>
      {files.length > 0 && (
        <List listStyleType="none" spacing={4} className="attachment-list" aria-label={t('report.attachments.chosen')}>
          {files.map((file, index) => (
            <List.Item key={`${String(index)}-${file.name}`} data-testid="attachment-item">
              <Group gap="xs" wrap="nowrap" justify="space-between">
                <Stack gap={0} className="attachment-name">
                  <Text size="sm" className="attachment-file" data-too-large={oversized.has(file.name) || undefined}>
                    {file.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {format(file.size)}
                  </Text>
                </Stack>
                <CloseButton
                  size="lg"
                  aria-label={t('report.attachments.remove', { name: file.name })}
                  onClick={() => onChange(files.filter((_, position) => position !== index))}
                />
              </Group>
            </List.Item>
          ))}
        </List>
      )}
      {files.length > 1 && (
        <Text size="xs" c="dimmed">
          {t('report.attachments.total', { count: files.length, size: format(totalBytes(files)) })}
        </Text>
      )}
      <div aria-live="polite">
        {problems.map((problem) => (
          <Text key={problem.kind === 'too_large' ? `large-${problem.name}` : problem.kind} size="sm" c="red" data-testid="attachment-problem">
            {describeAttachmentProblem(t, problem, limits, format)}
          </Text>
        ))}
      </div>
      <div>
        <FileButton
          multiple
          accept={ATTACHMENT_ACCEPT}
          resetRef={resetPicker}
          onChange={(picked) => {
            onChange(withPickedFiles(files, picked));
            resetPicker.current?.();
          }}
          inputProps={{ 'aria-label': t('report.attachments.add') }}
        >
          {(props) => (
            <Button {...props} variant="default" size="md">
              {t('report.attachments.add')}
            </Button>
          )}
        </FileButton>
      </div>
    </Stack>
  );
}
