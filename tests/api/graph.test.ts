// M2.2a link graph through the HTTP API: one hop at a time from a case to its observables and on
// to the other cases that sighted them; a case the viewer may not open is "a case in unit X" (no
// id, number or title anywhere in the answer) until its lead grants access; a cap per expansion
// with a count of what was left out; reads of a sensitive case on record; attack groups.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeTestContext, type TestContext } from '../support/context.ts';
import { loginAs, type Agent } from '../support/sessions.ts';

let ctx: TestContext;
let lead: Agent;
let colleague: Agent;
let mitoOfficer: Agent;
let cyberId: string;
let mitoId: string;

const ATTACKER_IP = '45.137.21.9';
const MULE_ACCOUNT = '振込先 三菱UFJ銀行 渋谷支店 普通 1234567 カ)サンプル';

before(async () => {
  ctx = await makeTestContext();
  cyberId = (await ctx.koban.services.units.findIdByCode('cyber_investigation')) ?? '';
  mitoId = (await ctx.koban.services.units.findIdByCode('station_mito')) ?? '';
  lead = await loginAs(ctx, ['cyber_investigator'], 'graphlead', { unitId: cyberId });
  colleague = await loginAs(ctx, ['cyber_analyst'], 'graphcolleague', { unitId: cyberId });
  mitoOfficer = await loginAs(ctx, ['station_officer'], 'graphmito', { unitId: mitoId });
});
after(async () => ctx.close());

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read the JSON answer freely
type Json = any;

async function openCase(agent: Agent, title: string, text: string, extra: Record<string, unknown> = {}): Promise<Json> {
  const opened = await agent.request('POST', '/api/cases', { title, ...extra });
  assert.equal(opened.statusCode, 201, opened.body);
  const recorded = await agent.request('POST', `/api/cases/${opened.json().id as string}/observables`, { text });
  assert.equal(recorded.statusCode, 200, recorded.body);
  return opened.json();
}

async function expand(agent: Agent, node: string, limit?: number) {
  const query = new URLSearchParams({ node });
  if (limit !== undefined) query.set('limit', String(limit));
  return agent.request('GET', `/api/graph/neighbours?${query.toString()}`);
}

async function neighbours(agent: Agent, node: string, limit?: number): Promise<{ body: string; json: Json }> {
  const response = await expand(agent, node, limit);
  assert.equal(response.statusCode, 200, response.body);
  return { body: response.body, json: response.json() };
}

function observableNode(graph: Json, value: string): Json {
  const node = graph.nodes.find((n: Json) => n.kind === 'observable' && n.value === value);
  assert.ok(node, `${value} in ${JSON.stringify(graph.nodes)}`);
  return node;
}

describe('M2.2a link graph', () => {
  it("expands case → observable → other case, showing another unit's case only by its unit until access is granted", async () => {
    const ours = await openCase(lead, 'サポート詐欺グループの拠点捜査', `C2 ${ATTACKER_IP} / ${MULE_ACCOUNT}`);
    const theirs = await openCase(mitoOfficer, '水戸署 ネットバンキング不正送金', `ログイン元 ${ATTACKER_IP}、${MULE_ACCOUNT}`);

    const fromCase = await neighbours(mitoOfficer, `case:${theirs.id as string}`);
    assert.equal(fromCase.json.center, `case:${theirs.id as string}`);
    assert.equal(fromCase.json.nodes[0].caseNo, theirs.caseNo);
    const ip = observableNode(fromCase.json, ATTACKER_IP);
    const account = observableNode(fromCase.json, '0005-135-1-1234567');
    assert.equal(account.type, 'bank_account_jp');
    assert.ok(fromCase.json.edges.some((e: Json) => e.source === `case:${theirs.id as string}` && e.target === ip.id && e.kind === 'sighted'));
    assert.equal(fromCase.json.truncated, 0);

    const fromIp = await neighbours(mitoOfficer, ip.id);
    assert.ok(fromIp.json.nodes.some((n: Json) => n.kind === 'case' && n.caseId === theirs.id && n.caseNo === theirs.caseNo));
    const hidden = fromIp.json.nodes.filter((n: Json) => n.kind === 'hidden');
    assert.equal(hidden.length, 1, JSON.stringify(fromIp.json.nodes));
    assert.equal(hidden[0].ownerUnitId, cyberId);
    assert.equal(hidden[0].sourceType, 'case');
    assert.equal(hidden[0].mayRequestAccess, true);
    assert.ok(fromIp.json.edges.some((e: Json) => e.source === hidden[0].id && e.target === ip.id));
    for (const secret of [ours.id, ours.caseNo, ours.title]) assert.ok(!fromIp.body.includes(secret), `the answer must not hold ${secret as string}`);

    // The same case reached through the bank account is the same node: its alias is stable.
    const fromAccount = await neighbours(mitoOfficer, account.id);
    assert.ok(fromAccount.json.nodes.some((n: Json) => n.id === hidden[0].id));
    assert.ok(!fromAccount.body.includes(ours.id as string));
    // An alias is not a node one can expand.
    assert.equal((await expand(mitoOfficer, hidden[0].id as string)).statusCode, 400);
    // Nor can another viewer use it.
    const stolen = await colleague.request('POST', '/api/graph/access-requests', { node: hidden[0].id, reason: '他人の別名' });
    assert.equal(stolen.statusCode, 404, stolen.body);
    assert.equal(stolen.json().error.code, 'graph.node_not_found');

    const asked = await mitoOfficer.request('POST', '/api/graph/access-requests', { node: hidden[0].id, reason: '同一 IP・同一口座。照合したい。' });
    assert.equal(asked.statusCode, 201, asked.body);
    assert.equal(asked.json().status, 'pending');
    assert.ok(!asked.body.includes(ours.id as string), 'the request answer does not name the case either');
    const requests = (await lead.request('GET', `/api/cases/${ours.id as string}/access-requests`)).json();
    const pending = requests.items.find((r: Json) => r.requesterId === mitoOfficer.userId && r.status === 'pending');
    assert.ok(pending, JSON.stringify(requests));
    const granted = await lead.request('POST', `/api/cases/${ours.id as string}/access-requests/${pending.id as string}`, { decision: 'grant' });
    assert.equal(granted.json().status, 'granted');

    const named = await neighbours(mitoOfficer, ip.id);
    const ourNode = named.json.nodes.find((n: Json) => n.kind === 'case' && n.caseId === ours.id);
    assert.ok(ourNode, JSON.stringify(named.json.nodes));
    assert.equal(ourNode.caseNo, ours.caseNo);
    assert.equal(ourNode.title, ours.title);
    assert.equal(ourNode.ownerUnitId, cyberId);
    assert.equal(named.json.nodes.filter((n: Json) => n.kind === 'hidden').length, 0);
    const again = await mitoOfficer.request('POST', '/api/graph/access-requests', { node: hidden[0].id, reason: '再申請' });
    assert.equal(again.json().error.code, 'case.already_member');
  });

  it('caps one expansion and counts what it left out', async () => {
    const addresses = Array.from({ length: 60 }, (_, i) => `45.${String(140 + Math.floor(i / 50))}.7.${String((i % 50) + 1)}`);
    const big = await openCase(lead, '大量の接続元', addresses.join('\n'));
    const capped = await neighbours(lead, `case:${big.id as string}`);
    assert.equal(capped.json.limit, 50);
    assert.equal(capped.json.nodes.filter((n: Json) => n.kind === 'observable').length, 50);
    assert.equal(capped.json.truncated, 10);

    const shared = '45.150.1.99';
    const opened = [];
    for (let i = 0; i < 5; i += 1) opened.push(await openCase(lead, `共有クラウド IP の事件 ${String(i)}`, `接続元 ${shared}`));
    const first = await neighbours(lead, `case:${opened[0].id as string}`);
    const value = observableNode(first.json, shared);
    const three = await neighbours(lead, value.id as string, 3);
    assert.equal(three.json.nodes.filter((n: Json) => n.kind === 'case').length, 3);
    assert.equal(three.json.truncated, 2);
    assert.equal(three.json.edges.length, 3);
  });

  it('marks warning-listed values and lists them after the meaningful ones', async () => {
    const created = await openCase(lead, '公開リゾルバ経由の通信', `DNS 8.8.8.8 と C2 45.160.3.3`);
    const graph = (await neighbours(lead, `case:${created.id as string}`)).json;
    const observables = graph.nodes.filter((n: Json) => n.kind === 'observable');
    assert.equal(observableNode(graph, '8.8.8.8').warning, 'public_resolver');
    assert.equal(observableNode(graph, '45.160.3.3').warning, null);
    assert.equal(observables[observables.length - 1].value, '8.8.8.8');
  });

  it("audits reading a sensitive case's neighbours and hides it from a same-unit analyst who is not a member", async () => {
    const secret = await openCase(lead, '秘匿: 標的型攻撃の踏み台', 'C2 45.170.9.9', { sensitive: true });
    const read = await neighbours(lead, `case:${secret.id as string}`);
    assert.ok(read.json.nodes[0].sensitive);
    const audited = await ctx.koban.database.db
      .selectFrom('audit_entry')
      .select(['actor_id', 'changes'])
      .where('action', '=', 'case.read')
      .where('target_id', '=', secret.id)
      .execute();
    assert.ok(
      audited.some((a) => a.actor_id === lead.userId && JSON.stringify(a.changes).includes('graph')),
      JSON.stringify(audited),
    );

    const denied = await expand(colleague, `case:${secret.id as string}`);
    assert.equal(denied.statusCode, 404);
    assert.equal(denied.json().error.code, 'graph.node_not_found');
    assert.ok(!denied.body.includes('標的型'));
    const ip = observableNode(read.json, '45.170.9.9');
    const seen = await neighbours(colleague, ip.id as string);
    assert.ok(!seen.body.includes(secret.id as string) && !seen.body.includes(secret.caseNo as string) && !seen.body.includes('標的型'), seen.body);
    const hidden = seen.json.nodes.find((n: Json) => n.kind === 'hidden');
    assert.equal(hidden.ownerUnitId, cyberId);
  });

  it('links cases and attack groups with the confidence of the attribution', async () => {
    const attributed = await openCase(lead, 'LockBit 亜種による暗号化', 'C2 45.180.1.1');
    const other = await openCase(mitoOfficer, '水戸署 ランサムウェア相談', 'C2 45.180.1.2');
    const now = ctx.clock.now().toISOString();
    await ctx.koban.database.db
      .insertInto('threat')
      .values({
        id: 'thr-graph-1',
        kind: 'ransomware',
        name: 'LockBit',
        name_key: 'lockbitgraphtest',
        description: '',
        origin: null,
        sponsor: null,
        state_sponsored: 0,
        first_seen: null,
        last_seen: null,
        mitre_id: null,
        external_refs: '[]',
        version: 1,
        created_by: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await ctx.koban.database.db
      .insertInto('case_attribution')
      .values([
        { case_id: attributed.id, threat_id: 'thr-graph-1', confidence: 'high', note: '', created_by: null, created_at: now },
        { case_id: other.id, threat_id: 'thr-graph-1', confidence: 'low', note: '', created_by: null, created_at: now },
      ])
      .execute();
    const fromCase = (await neighbours(lead, `case:${attributed.id as string}`)).json;
    const threat = fromCase.nodes.find((n: Json) => n.kind === 'threat');
    assert.equal(threat.name, 'LockBit');
    assert.ok(fromCase.edges.some((e: Json) => e.kind === 'attributed' && e.target === 'threat:thr-graph-1' && e.confidence === 'high'));

    const fromThreat = await neighbours(lead, 'threat:thr-graph-1');
    assert.ok(fromThreat.json.nodes.some((n: Json) => n.kind === 'case' && n.caseId === attributed.id));
    const hidden = fromThreat.json.nodes.find((n: Json) => n.kind === 'hidden');
    assert.equal(hidden.ownerUnitId, mitoId);
    assert.ok(fromThreat.json.edges.some((e: Json) => e.source === hidden.id && e.confidence === 'low'));
    assert.ok(!fromThreat.body.includes(other.id as string) && !fromThreat.body.includes(other.caseNo as string));
  });

  it('answers a coded error for a node that does not exist or is malformed', async () => {
    for (const node of ['case:01JUNKNOWNCASE', 'observable:999999', 'threat:none', 'intake:nothing']) {
      const response = await expand(lead, node);
      assert.equal(response.statusCode, 404, `${node}: ${response.body}`);
      assert.equal(response.json().error.code, 'graph.node_not_found');
    }
    const malformed = await expand(lead, 'bogus:1');
    assert.equal(malformed.statusCode, 400);
    assert.equal(malformed.json().error.code, 'request.invalid');
    const forged = await lead.request('POST', '/api/graph/access-requests', { node: `hidden:${'A'.repeat(40)}`, reason: '偽造' });
    assert.equal(forged.json().error.code, 'graph.node_not_found');
  });
});
