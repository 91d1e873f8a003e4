// Opaque ids for the cases and reports a viewer may not open (the link graph, the correlations of
// a case's observables): "a case in unit X shares this value, ask for access" without its id. The
// token is the source sealed with AES-256-GCM under an installation key, bound to the viewer: it names the same case the same way
// in every expansion (so the graph can merge it), reveals nothing of its id, and only the server,
// asked by that same viewer (an access request), can open it again. The IV is derived from the
// sealed text itself (a synthetic IV), so equal inputs give equal tokens and no IV is ever reused
// for a different text.
import { createCipheriv, createDecipheriv, createHash, createHmac } from 'node:crypto';

const IV_BYTES = 12;
const TAG_BYTES = 16;

export type SealedSource = { sourceType: string; sourceId: string };

export function createSourceAliases(secret: () => Promise<string>) {
  async function keys() {
    const base = await secret();
    return {
      sealKey: createHash('sha256').update(`graph-alias-seal\u0000${base}`).digest(),
      ivKey: createHash('sha256').update(`graph-alias-iv\u0000${base}`).digest(),
    };
  }

  return {
    /** `hidden:<token>` for a source the viewer may not open. */
    async aliasOf(viewerId: string, source: SealedSource): Promise<string> {
      const { sealKey, ivKey } = await keys();
      const plain = Buffer.from(`${source.sourceType}\u0000${source.sourceId}`, 'utf8');
      const iv = createHmac('sha256', ivKey).update(viewerId).update('\u0000').update(plain).digest().subarray(0, IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', sealKey, iv);
      cipher.setAAD(Buffer.from(viewerId, 'utf8'));
      const sealed = Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
      return `hidden:${sealed.toString('base64url')}`;
    },

    /** The source behind an alias this viewer was given, or null for anything else. */
    async sourceOf(viewerId: string, alias: string): Promise<SealedSource | null> {
      const { sealKey } = await keys();
      const sealed = Buffer.from(alias.replace(/^hidden:/, ''), 'base64url');
      if (sealed.length <= IV_BYTES + TAG_BYTES) return null;
      const decipher = createDecipheriv('aes-256-gcm', sealKey, sealed.subarray(0, IV_BYTES));
      decipher.setAAD(Buffer.from(viewerId, 'utf8'));
      decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
      let plain: string;
      try {
        plain = Buffer.concat([decipher.update(sealed.subarray(IV_BYTES, sealed.length - TAG_BYTES)), decipher.final()]).toString('utf8');
      } catch {
        // A token altered, or issued to someone else: the same answer as an unknown one.
        return null;
      }
      const [sourceType, sourceId] = plain.split('\u0000');
      return sourceType && sourceId ? { sourceType, sourceId } : null;
    },
  };
}

export type SourceAliases = ReturnType<typeof createSourceAliases>;
