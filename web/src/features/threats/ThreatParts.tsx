// Pieces shared by the threat pages: the kind and 国家背景 badges and the links between the
// catalogue and the ransomware view.
import { Badge } from '@mantine/core';
import { PATHS } from '../../app/routes.tsx';
import { useCan } from '../../app/session.tsx';
import { SubNav } from '../../components/SubNav.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useThreatLabel } from './threatLabels.ts';

const KIND_COLOURS: Readonly<Record<string, string>> = { ransomware: 'red', extortion: 'orange', intrusion_set: 'grape', malware: 'blue' };

export function KindBadge({ kind }: { kind: string }) {
  const label = useThreatLabel();
  return (
    <Badge color={KIND_COLOURS[kind] ?? 'gray'} variant="light" tt="none" className="nowrap" data-kind={kind}>
      {label('kind', kind)}
    </Badge>
  );
}

export function StateSponsoredBadge() {
  const { t } = useI18n();
  return (
    <Badge color="dark" variant="outline" tt="none" className="nowrap">
      {t('threats.state_sponsored')}
    </Badge>
  );
}

/** 脅威カタログ | ランサムウェア統計, the current one marked. */
export function ThreatsNav() {
  const { t } = useI18n();
  const can = useCan();
  const items = [
    { href: PATHS.threats, label: t('threats.nav_catalogue'), isShown: true },
    { href: PATHS.ransomware, label: t('threats.nav_ransomware'), isShown: can('stats.read') },
  ];
  return <SubNav label={t('threats.nav_label')} items={items} />;
}
