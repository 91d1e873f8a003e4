// A URL or an e-mail address is also a sighting of its host: two reports that link to different
// pages on one phishing host, or mail from one domain, then correlate through that host.
import { canonicalIpv4, canonicalIpv6 } from './extract/canonical.ts';
import type { ExtractedObservable } from './observables.contract.ts';
import { hostFactsOf } from './observables.relations.ts';
import { warningFor } from './warning-lists/warning-lists.ts';

export function derivedHostObservables(found: ExtractedObservable[]): ExtractedObservable[] {
  const present = new Set(found.map((o) => `${o.type}\u0000${o.value}`));
  const derived: ExtractedObservable[] = [];
  for (const o of found) {
    if (o.type !== 'url' && o.type !== 'email') continue;
    const { host } = hostFactsOf(o.type, o.value);
    if (!host) continue;
    const type = canonicalIpv4(host) ? 'ipv4' : host.includes(':') && canonicalIpv6(host) ? 'ipv6' : 'domain';
    const value = type === 'ipv6' ? (canonicalIpv6(host) ?? host) : host;
    const key = `${type}\u0000${value}`;
    if (present.has(key)) continue;
    present.add(key);
    derived.push({ type, value, start: o.start, end: o.end, warning: warningFor(type, value), attributes: { derivedFrom: o.type } });
  }
  return derived;
}
