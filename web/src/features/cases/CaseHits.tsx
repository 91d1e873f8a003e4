// Other cases and reports that recorded the same values as this case. One the viewer may open is
// linked by its number; one the viewer may not is named only by its owner unit (never its number
// or title), with a way to ask that case's lead for access (M3.2c need-to-know).
import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { useId, useState } from 'react';
import { PATHS } from '../../app/routes.tsx';
import { Link } from '../../app/router.tsx';
import { useCan } from '../../app/session.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useObservableLabels } from '../observables/observableLabels.ts';
import type { Directory } from '../users/directory.ts';
import { AccessRequestForm } from './AccessRequestForm.tsx';
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
  const hiddenRef = hit.sourceType === 'case' ? hit.sourceId : null;
  if (hiddenRef)
    return (
      <Stack gap={6}>
        <Text size="sm" id={textId} className="break-anywhere" data-testid="case-hit-hidden">
          {t('cases.hit_hidden_case', { unit, count: hit.shared })}
        </Text>
        {can('case.read') && <AccessRequestForm send={(reason) => casesApi.requestAccess(hiddenRef, reason)} describedBy={textId} testId="access-requested" />}
      </Stack>
    );
  return (
    <Text size="sm" className="break-anywhere">
      {t('cases.hit_hidden_source', { source: labels.sourceType(hit.sourceType), unit, count: hit.shared })}
    </Text>
  );
}
