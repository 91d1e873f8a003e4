// One test per role: what it may not do. Every refusal must be 403 auth.forbidden, never a 200.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Role } from '#kernel/auth/index.ts';
import { makeTestContext, type TestContext } from '../support/context.ts';
import { loginAs, type Agent } from '../support/sessions.ts';

let ctx: TestContext;
let unitId: string;
let someoneId: string;
before(async () => {
  ctx = await makeTestContext();
  unitId = (await ctx.koban.services.units.findIdByCode('station_mito')) ?? '';
  someoneId = (
    await ctx.koban.services.users.create(
      { type: 'system', id: null },
      { username: 'someone', displayName: '誰か', roles: ['cyber_analyst'], unitId: null },
      null,
    )
  ).user.id;
});
after(async () => ctx.close());

type Attempt = { name: string; call: (agent: Agent) => ReturnType<Agent['request']> };

const attempts: Record<string, Attempt> = {
  listUsers: { name: 'list users', call: (a) => a.request('GET', '/api/users') },
  createUser: { name: 'create a user', call: (a) => a.request('POST', '/api/users', { username: 'intruder', displayName: 'x', roles: ['admin'] }) },
  editUser: { name: 'change roles', call: (a) => a.request('PATCH', `/api/users/${someoneId}`, { roles: ['admin'] }) },
  resetPassword: { name: 'reset a password', call: (a) => a.request('POST', `/api/users/${someoneId}/reset-password`) },
  listUnits: { name: 'read the unit directory', call: (a) => a.request('GET', '/api/units') },
  editUnit: { name: 'edit a unit', call: (a) => a.request('PATCH', `/api/units/${unitId}`, { nameJa: '改ざん' }) },
  createUnit: {
    name: 'create a unit',
    call: (a) => a.request('POST', '/api/units', { code: 'rogue', parentId: null, kind: 'office', nameJa: 'x', nameEn: 'x' }),
  },
  setLiaison: { name: 'name a liaison', call: (a) => a.request('PUT', `/api/units/${unitId}/liaison`, { userId: someoneId }) },
  setGeneralManager: { name: 'name the general manager', call: (a) => a.request('PUT', '/api/units/general-manager', { userId: someoneId }) },
  readAudit: { name: 'read the audit log', call: (a) => a.request('GET', '/api/audit') },
  verifyAudit: { name: 'verify the audit chain', call: (a) => a.request('GET', '/api/audit/verify') },
  readQueue: { name: 'read the intake queue', call: (a) => a.request('GET', '/api/intake/queue') },
  recordConsultation: {
    name: 'record a consultation',
    call: (a) => a.request('POST', '/api/intake/consultations', { reporterType: 'individual', category: 'fraud', summary: 'x', channel: 'phone' }),
  },
  editRules: { name: 'edit routing rules', call: (a) => a.request('POST', '/api/intake/rules', { rules: {}, comment: 'x' }) },
};

const forbidden: Record<Role, (keyof typeof attempts)[]> = {
  admin: ['recordConsultation'],
  manager: ['createUser', 'editUser', 'resetPassword', 'editUnit', 'createUnit', 'recordConsultation', 'editRules'],
  cyber_investigator: [
    'createUser',
    'editUser',
    'resetPassword',
    'editUnit',
    'createUnit',
    'setLiaison',
    'setGeneralManager',
    'readAudit',
    'verifyAudit',
    'editRules',
  ],
  cyber_analyst: [
    'createUser',
    'editUser',
    'resetPassword',
    'editUnit',
    'createUnit',
    'setLiaison',
    'setGeneralManager',
    'readAudit',
    'verifyAudit',
    'editRules',
  ],
  station_officer: [
    'createUser',
    'editUser',
    'resetPassword',
    'editUnit',
    'createUnit',
    'setLiaison',
    'setGeneralManager',
    'readAudit',
    'verifyAudit',
    'editRules',
  ],
  csirt: [
    'createUser',
    'editUser',
    'resetPassword',
    'editUnit',
    'createUnit',
    'setLiaison',
    'setGeneralManager',
    'verifyAudit',
    'readQueue',
    'recordConsultation',
    'editRules',
  ],
  partner: [
    'listUsers',
    'createUser',
    'editUser',
    'resetPassword',
    'listUnits',
    'editUnit',
    'createUnit',
    'setLiaison',
    'setGeneralManager',
    'readAudit',
    'verifyAudit',
    'readQueue',
    'recordConsultation',
    'editRules',
  ],
};

describe('authorisation per role', () => {
  for (const [role, names] of Object.entries(forbidden) as [Role, (keyof typeof attempts)[]][]) {
    if (names.length === 0) continue;
    it(`${role} may not: ${names.map((n) => attempts[n]?.name).join(', ')}`, async () => {
      const agent = await loginAs(ctx, [role]);
      for (const name of names) {
        const response = await attempts[name]!.call(agent);
        assert.equal(response.statusCode, 403, `${role} ${name}: ${response.body}`);
        assert.equal(response.json().error.code, 'auth.forbidden');
      }
      const unchanged = await ctx.koban.services.users.get(someoneId);
      assert.deepEqual(unchanged.roles, ['cyber_analyst']);
    });
  }

  it('admin may not disable itself nor demote the last administrator', async () => {
    const admin = await loginAs(ctx, ['admin'], 'soleadmin');
    const others = (await ctx.koban.services.users.list()).filter((u) => u.roles.includes('admin') && u.id !== admin.userId);
    for (const other of others) await ctx.koban.services.users.update({ type: 'system', id: null }, null, other.id, { disabled: true }, null);
    const self = await admin.request('PATCH', `/api/users/${admin.userId}`, { disabled: true });
    assert.equal(self.statusCode, 409);
    assert.equal(self.json().error.code, 'user.cannot_disable_self');
    const demote = await admin.request('PATCH', `/api/users/${admin.userId}`, { roles: ['cyber_analyst'] });
    assert.equal(demote.statusCode, 409);
    assert.equal(demote.json().error.code, 'user.last_admin');
    assert.deepEqual((await ctx.koban.services.users.get(admin.userId)).roles, ['admin']);
  });

  it('lets each role do what it is for', async () => {
    const manager = await loginAs(ctx, ['manager']);
    assert.equal((await manager.request('PUT', `/api/units/${unitId}/liaison`, { userId: someoneId })).statusCode, 200);
    const analyst = await loginAs(ctx, ['cyber_analyst']);
    assert.equal((await analyst.request('GET', '/api/units')).statusCode, 200);
    const csirt = await loginAs(ctx, ['csirt']);
    assert.equal((await csirt.request('GET', '/api/audit')).statusCode, 200);
  });
});
