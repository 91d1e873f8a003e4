import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeTestContext, type TestContext } from '../support/context.ts';
import { loginAs, type Agent } from '../support/sessions.ts';

let ctx: TestContext;
let admin: Agent;
before(async () => {
  ctx = await makeTestContext();
  admin = await loginAs(ctx, ['admin']);
});
after(async () => ctx.close());

type UnitJson = { id: string; code: string; parentId: string | null; kind: string; nameJa: string; liaison: { id: string } | null };

async function units(): Promise<UnitJson[]> {
  return (await admin.request('GET', '/api/units')).json<{ items: UnitJson[] }>().items;
}

async function auditCount(): Promise<number> {
  const rows = await ctx.koban.database.db.selectFrom('audit_entry').select('seq').execute();
  return rows.length;
}

describe('M1.1 unit directory', () => {
  it('is seeded with NPA units, Ibaraki HQ with its cyber divisions and 27 police stations', async () => {
    const all = await units();
    const byCode = new Map(all.map((u) => [u.code, u]));
    const hq = byCode.get('ibaraki_hq');
    assert.ok(hq);
    const stations = all.filter((u) => u.kind === 'station');
    assert.equal(stations.length, 27);
    assert.ok(stations.every((s) => s.parentId === hq.id && s.nameJa.endsWith('警察署')));
    assert.equal(byCode.get('npa_cyber_bureau')?.nameJa, '警察庁サイバー警察局');
    const safety = byCode.get('community_safety');
    assert.equal(byCode.get('cyber_planning')?.parentId, safety?.id);
    assert.equal(byCode.get('cyber_investigation')?.parentId, safety?.id);
    assert.ok(byCode.has('kanto_rpb_cyber'));
  });

  it('names a liaison per unit and the cybersecurity general manager, and records both in the audit log', async () => {
    const liaison = await ctx.koban.services.users.create(
      { type: 'system', id: null },
      { username: 'liaison1', displayName: '連携 太郎', roles: ['station_officer'], unitId: null },
      null,
    );
    const mito = (await units()).find((u) => u.code === 'station_mito');
    assert.ok(mito);
    const before = await auditCount();
    const set = await admin.request('PUT', `/api/units/${mito.id}/liaison`, { userId: liaison.user.id });
    assert.equal(set.statusCode, 200);
    assert.equal(set.json().liaison.displayName, '連携 太郎');
    assert.equal(await auditCount(), before + 1);
    const gm = await admin.request('PUT', '/api/units/general-manager', { userId: admin.userId });
    assert.equal(gm.json().user.id, admin.userId);
    assert.equal((await admin.request('GET', '/api/units/general-manager')).json().user.username, admin.username);
    const entries = (await admin.request('GET', '/api/audit?limit=2')).json().items;
    assert.equal(entries[0].action, 'unit.general_manager_set');
    assert.equal(entries[1].action, 'unit.liaison_set');
    assert.equal(entries[1].changes.to, liaison.user.id);
  });

  it('shows a unit with its members', async () => {
    const planning = (await units()).find((u) => u.code === 'cyber_planning');
    assert.ok(planning);
    await ctx.koban.services.users.create(
      { type: 'system', id: null },
      { username: 'planner', displayName: '企画 花子', roles: ['cyber_analyst'], unitId: planning.id },
      null,
    );
    const detail = (await admin.request('GET', `/api/units/${planning.id}`)).json();
    assert.deepEqual(
      detail.members.map((m: { username: string }) => m.username),
      ['planner'],
    );
  });

  it('creates and edits units, refusing a duplicate code, an unknown parent and a cycle', async () => {
    const hq = (await units()).find((u) => u.code === 'ibaraki_hq');
    assert.ok(hq);
    const created = await admin.request('POST', '/api/units', {
      code: 'cyber_strategy_office',
      parentId: hq.id,
      kind: 'office',
      nameJa: 'サイバー戦略推進室',
      nameEn: 'Cyber Strategy Office',
    });
    assert.equal(created.statusCode, 201);
    const duplicate = await admin.request('POST', '/api/units', { code: 'cyber_strategy_office', parentId: hq.id, kind: 'office', nameJa: 'x', nameEn: 'x' });
    assert.equal(duplicate.statusCode, 409);
    assert.equal(duplicate.json().error.code, 'unit.code_taken');
    const orphan = await admin.request('POST', '/api/units', { code: 'orphan_unit', parentId: 'missing', kind: 'office', nameJa: 'x', nameEn: 'x' });
    assert.equal(orphan.json().error.code, 'unit.parent_not_found');
    const cycle = await admin.request('PATCH', `/api/units/${hq.id}`, { parentId: created.json().id });
    assert.equal(cycle.statusCode, 409);
    assert.equal(cycle.json().error.code, 'unit.cycle');
    const renamed = await admin.request('PATCH', `/api/units/${created.json().id as string}`, {
      nameEn: 'Cyber Strategy Promotion Office',
      phone: '029-301-0110',
    });
    assert.equal(renamed.json().nameEn, 'Cyber Strategy Promotion Office');
  });

  it('leaves no partial rows when a request fails half-way', async () => {
    const unitsBefore = (await units()).length;
    const auditBefore = await auditCount();
    const duplicate = await admin.request('POST', '/api/units', { code: 'ibaraki_hq', parentId: null, kind: 'hq', nameJa: 'x', nameEn: 'x' });
    assert.equal(duplicate.statusCode, 409);
    const taken = await admin.request('POST', '/api/users', { username: admin.username, displayName: 'dup', roles: ['cyber_analyst'] });
    assert.equal(taken.json().error.code, 'user.username_taken');
    assert.equal((await units()).length, unitsBefore);
    assert.equal(await auditCount(), auditBefore);
  });

  it('refuses an unknown liaison with a coded error', async () => {
    const mito = (await units()).find((u) => u.code === 'station_mito');
    const response = await admin.request('PUT', `/api/units/${mito?.id ?? ''}/liaison`, { userId: 'no-such-user' });
    assert.equal(response.statusCode, 400);
    assert.equal(response.json().error.code, 'unit.liaison_not_found');
    assert.equal((await admin.request('GET', '/api/units/nope')).json().error.code, 'unit.not_found');
  });
});

describe('user administration', () => {
  it('creates a user with a one-time password that must be changed, and disabling ends their sessions', async () => {
    const created = await admin.request('POST', '/api/users', {
      username: 'newofficer',
      displayName: '新任 巡査',
      roles: ['station_officer'],
      email: 'officer@example.jp',
    });
    assert.equal(created.statusCode, 201);
    const { user, initialPassword } = created.json();
    assert.equal(user.mustChangePassword, true);
    assert.ok(initialPassword.length >= 16);
    const login = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'newofficer', password: initialPassword } });
    assert.equal(login.json().stage, 'password_change');
    const cookie = `koban_session=${login.cookies.find((c) => c.name === 'koban_session')?.value ?? ''}`;
    const disabled = await admin.request('PATCH', `/api/users/${user.id as string}`, { disabled: true });
    assert.equal(disabled.json().disabled, true);
    assert.equal((await ctx.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie } })).statusCode, 401);
    const again = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'newofficer', password: initialPassword } });
    assert.equal(again.json().error.code, 'auth.disabled');
  });

  it('resets a password: a new one-time password, lock lifted', async () => {
    const created = (await admin.request('POST', '/api/users', { username: 'forgetful', displayName: '忘れ 太郎', roles: ['cyber_analyst'] })).json();
    const reset = await admin.request('POST', `/api/users/${created.user.id as string}/reset-password`);
    assert.notEqual(reset.json().initialPassword, created.initialPassword);
    const old = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'forgetful', password: created.initialPassword } });
    assert.equal(old.statusCode, 401);
    const fresh = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'forgetful', password: reset.json().initialPassword } });
    assert.equal(fresh.statusCode, 200);
  });
});
