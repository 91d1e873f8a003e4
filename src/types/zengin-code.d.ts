// Minimal types for zengin-code (CommonJS, no bundled types). The package's main export is one object:
// bank code (4 digits) → bank, each bank holding its branches keyed by branch code (3 digits).
// Names are as the 全銀 table writes them: full-width Latin letters (三菱ＵＦＪ), no 銀行/支店 suffix,
// 信用金庫 → 信金, 信用組合 → 信組, 労働金庫 → 労金, 農業協同組合 → 農協.
declare module 'zengin-code' {
  export interface ZenginBranch {
    readonly code: string;
    readonly name: string;
    readonly kana: string;
    readonly hira: string;
    readonly roma: string;
  }
  export interface ZenginBank extends ZenginBranch {
    readonly branches: Readonly<Record<string, ZenginBranch>>;
  }
  const zenginCode: Readonly<Record<string, ZenginBank>>;
  export default zenginCode;
}
