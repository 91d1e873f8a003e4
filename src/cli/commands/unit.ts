import { openKoban } from '../../server.ts';
import type { Command } from '../command.ts';

export const unitListCommand: Command = {
  name: 'unit list',
  usage: 'koban unit list [--json]',
  summary: 'Print the unit directory as a tree / 部署一覧を表示',
  async run({ args, loadConfig, locale, out }) {
    const koban = await openKoban(loadConfig());
    try {
      const units = await koban.services.units.list();
      if (args.flags.has('json')) {
        out(JSON.stringify(units));
        return;
      }
      const children = new Map<string | null, typeof units>();
      for (const unit of units) children.set(unit.parentId, [...(children.get(unit.parentId) ?? []), unit]);
      const print = (parentId: string | null, depth: number) => {
        for (const unit of children.get(parentId) ?? []) {
          const name = locale === 'en' ? unit.nameEn : unit.nameJa;
          const liaison = unit.liaison ? `  [${unit.liaison.displayName}]` : '';
          out(`${'  '.repeat(depth)}${name} (${unit.code})${liaison}`);
          print(unit.id, depth + 1);
        }
      };
      print(null, 0);
    } finally {
      await koban.close();
    }
  },
};
