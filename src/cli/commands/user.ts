import { isRole, type Role } from '#kernel/auth/index.ts';
import { t } from '#kernel/i18n/index.ts';
import type { Config } from '#kernel/config.ts';
import { CreateUserInput } from '#modules/accounts/index.ts';
import { openKoban, type Koban } from '../../server.ts';
import { flagValue, requirePositional, UsageError, type Command } from '../command.ts';

const CLI_ACTOR = { type: 'cli' as const, id: null };

function parseRoles(value: string | undefined): Role[] {
  const names = (value ?? '')
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean);
  if (names.length === 0) throw new UsageError('--role is required (admin, cyber_investigator, cyber_analyst, station_officer, csirt, manager, partner)');
  const roles = names.filter(isRole);
  if (roles.length !== names.length) throw new UsageError(`unknown role in "${value ?? ''}"`);
  return roles;
}

export const userCreateCommand: Command = {
  name: 'user create',
  usage: 'koban user create USERNAME --role ROLE[,ROLE] [--name "表示名"] [--unit UNIT_CODE] [--email ADDRESS]',
  summary: 'Create a user with a one-time password / 利用者を作成',
  async run({ args, loadConfig, locale, out }) {
    const username = requirePositional(args, 0, 'USERNAME');
    const roles = parseRoles(flagValue(args, 'role') ?? flagValue(args, 'roles'));
    const koban = await openKoban(loadConfig());
    try {
      const unitCode = flagValue(args, 'unit');
      const unitId = unitCode ? await koban.services.units.findIdByCode(unitCode) : null;
      if (unitCode && !unitId) throw new UsageError(`unknown unit code ${unitCode}`);
      const email = flagValue(args, 'email');
      const parsed = CreateUserInput.safeParse({
        username,
        displayName: flagValue(args, 'name') ?? username,
        roles,
        unitId: unitId ?? null,
        ...(email ? { email } : {}),
      });
      if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
      const created = await koban.services.users.create(CLI_ACTOR, parsed.data, null);
      out(t(locale, 'cli.user_created', { username, password: created.initialPassword }));
    } finally {
      await koban.close();
    }
  },
};

async function withUser(loadConfig: () => Config, username: string, action: (koban: Koban, userId: string) => Promise<void>) {
  const koban = await openKoban(loadConfig());
  try {
    const userId = await koban.services.users.findIdByUsername(username);
    if (!userId) throw new UsageError(`no user named ${username}`);
    await action(koban, userId);
  } finally {
    await koban.close();
  }
}

export const userResetPasswordCommand: Command = {
  name: 'user reset-password',
  usage: 'koban user reset-password USERNAME',
  summary: 'Issue a new one-time password and unlock / パスワードを再発行',
  async run({ args, loadConfig, locale, out }) {
    const username = requirePositional(args, 0, 'USERNAME');
    await withUser(loadConfig, username, async (koban, userId) => {
      const reset = await koban.services.users.resetPassword(CLI_ACTOR, userId, null);
      out(t(locale, 'cli.password_reset', { username, password: reset.initialPassword }));
    });
  },
};

export const userDisableCommand: Command = {
  name: 'user disable',
  usage: 'koban user disable USERNAME',
  summary: 'Disable a user and end their sessions / 利用者を無効化',
  async run({ args, loadConfig, locale, out }) {
    const username = requirePositional(args, 0, 'USERNAME');
    await withUser(loadConfig, username, async (koban, userId) => {
      await koban.services.users.update(CLI_ACTOR, null, userId, { disabled: true }, null);
      out(t(locale, 'cli.user_disabled', { username }));
    });
  },
};
