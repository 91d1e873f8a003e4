// The bell in the staff header: the unread count, a menu of recent notices in words (「期限超過:
// IB-2026-000123」) that link to their subject, and mark-as-read. Refreshed on every page change
// and once a minute.
import { ActionIcon, Button, Group, Indicator, Menu, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { PATHS } from '../../app/routes.tsx';
import { Link, usePathname } from '../../app/router.tsx';
import { useCan } from '../../app/session.tsx';
import { useApiQuery } from '../../app/useApiQuery.ts';
import { isMessageKey, useI18n } from '../../i18n/i18n.tsx';
import { formatMinute } from '../intake/intakeTime.ts';
import './notifications.css';
import { notificationsApi, type Notice } from './notifications.api.ts';
import { noticeHref } from './noticeHref.ts';

const REFRESH_MS = 60_000;
const SHOWN = 12;

export function NotificationBell() {
  const can = useCan();
  if (!can('notification.read')) return null;
  return <Bell />;
}

function Bell() {
  const { t } = useI18n();
  const pathname = usePathname();
  const [tick, setTick] = useState(0);
  const notices = useApiQuery(() => notificationsApi.list(), [pathname, tick]);

  useEffect(() => {
    const timer = window.setInterval(() => setTick((n) => n + 1), REFRESH_MS);
    return () => window.clearInterval(timer);
  }, []);

  const unread = notices.data?.unread ?? 0;
  const items = (notices.data?.items ?? []).slice(0, SHOWN);

  async function markRead(notice: Notice) {
    if (notice.readAt !== null) return;
    await notificationsApi.markRead(notice.id).catch(() => undefined);
    notices.reload();
  }

  async function markAllRead() {
    await Promise.all(items.filter((notice) => notice.readAt === null).map((notice) => notificationsApi.markRead(notice.id).catch(() => undefined)));
    notices.reload();
  }

  return (
    <Menu position="bottom-end" width={340} shadow="md" withinPortal onOpen={notices.reload}>
      <Menu.Target>
        <Indicator label={unread} size={18} disabled={unread === 0} maxValue={99} color="red" offset={4}>
          <ActionIcon variant="subtle" color="gray" size="lg" aria-label={t('notifications.bell', { count: unread })} data-testid="notification-bell">
            <BellIcon />
          </ActionIcon>
        </Indicator>
      </Menu.Target>
      <Menu.Dropdown data-testid="notification-menu">
        <Group justify="space-between" px="sm" py={6} wrap="nowrap">
          <Text size="sm" fw={700}>
            {t('notifications.title')}
          </Text>
          {unread > 0 && (
            <Button size="compact-xs" variant="subtle" onClick={() => void markAllRead()}>
              {t('notifications.mark_all_read')}
            </Button>
          )}
        </Group>
        <Menu.Divider />
        {items.length === 0 ? (
          <Text size="sm" c="dimmed" px="sm" py="xs">
            {t('notifications.none')}
          </Text>
        ) : (
          items.map((notice) => <NoticeItem key={notice.id} notice={notice} onOpen={() => void markRead(notice)} />)
        )}
      </Menu.Dropdown>
    </Menu>
  );
}

function NoticeItem({ notice, onOpen }: { notice: Notice; onOpen: () => void }) {
  const { t, language } = useI18n();
  const text = useNoticeText()(notice);
  const href = noticeHref(notice, PATHS);
  const isUnread = notice.readAt === null;
  const body = (
    <>
      <Text size="sm" fw={isUnread ? 700 : 400} className="notice-text">
        {text}
      </Text>
      <Text size="xs" c="dimmed">
        {formatMinute(language, notice.createdAt)}
        {isUnread ? ` · ${t('notifications.unread')}` : ''}
      </Text>
    </>
  );
  const common = { onClick: onOpen, 'data-unread': isUnread ? 'true' : 'false', 'data-kind': notice.kind, leftSection: <UnreadDot isUnread={isUnread} /> };
  return href ? (
    <Menu.Item component={Link} href={href} {...common}>
      {body}
    </Menu.Item>
  ) : (
    <Menu.Item {...common}>{body}</Menu.Item>
  );
}

/** Where a notice's subject is shown; an analysis request is answered on the forensic unit's page. */
/** A notice in words: the catalogue's `notifications.kind.<kind>` filled with its parameters. */
export function useNoticeText(): (notice: Notice) => string {
  const { t } = useI18n();
  return (notice) => {
    const params = Object.fromEntries(Object.entries(notice.params).map(([key, value]) => [key, value === null ? '' : value]));
    const key = `notifications.kind.${notice.kind}`;
    return isMessageKey(key) ? t(key, params) : t('notifications.kind_unknown', { kind: notice.kind });
  };
}

function UnreadDot({ isUnread }: { isUnread: boolean }) {
  return <span className={isUnread ? 'notice-dot notice-dot-unread' : 'notice-dot'} aria-hidden="true" />;
}

function BellIcon() {
  return (
    <svg width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true" focusable="false">
      <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </svg>
  );
}
