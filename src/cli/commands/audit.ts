import { verifyAuditChain } from '#kernel/audit/index.ts';
import { createDatabase } from '#kernel/db/index.ts';
import { describeVerdict } from '#modules/audit/index.ts';
import type { Command } from '../command.ts';

export class AuditChainBroken extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AuditChainBroken';
  }
}

export const auditVerifyCommand: Command = {
  name: 'audit verify',
  usage: 'koban audit verify',
  summary: 'Check the audit hash chain; exit 1 naming the first bad entry / 監査ログの改ざん検査',
  async run({ loadConfig, locale, out }) {
    const database = createDatabase(loadConfig());
    try {
      const verdict = await verifyAuditChain(database.db);
      if (!verdict.ok) throw new AuditChainBroken(describeVerdict(verdict, locale));
      out(`OK ${describeVerdict(verdict, locale)}`);
    } finally {
      await database.close();
    }
  },
};
