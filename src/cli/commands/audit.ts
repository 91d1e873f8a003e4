import { verifyAuditChain, verifyRecordedHead } from '#kernel/audit/index.ts';
import { createDatabase } from '#kernel/db/index.ts';
import { describeVerdict } from '#modules/audit/index.ts';
import { flagValue, UsageError, type Command } from '../command.ts';

export class AuditChainBroken extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AuditChainBroken';
  }
}

export const auditVerifyCommand: Command = {
  name: 'audit verify',
  usage: 'koban audit verify [--expect-head SEQ:HASH]',
  summary: 'Check the audit hash chain; exit 1 naming the first bad entry / 監査ログの改ざん検査',
  async run({ args, loadConfig, locale, out }) {
    const database = createDatabase(loadConfig());
    try {
      const verdict = await verifyAuditChain(database.db);
      if (!verdict.ok) throw new AuditChainBroken(describeVerdict(verdict, locale));
      const expected = flagValue(args, 'expect-head');
      if (expected) {
        const [seq = '', hash = ''] = expected.split(':');
        if (!/^\d+$/.test(seq) || !/^[0-9a-f]{64}$/.test(hash)) throw new UsageError('--expect-head takes SEQ:HASH as printed by an earlier verify');
        const headVerdict = await verifyRecordedHead(database.db, { seq: Number(seq), hash });
        if (headVerdict) throw new AuditChainBroken(describeVerdict(headVerdict, locale));
      }
      out(`OK ${describeVerdict(verdict, locale)}`);
      if (verdict.head) out(`head ${verdict.head.seq}:${verdict.head.hash}`);
    } finally {
      await database.close();
    }
  },
};
