import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bankByCode, branchByCode, kanjiDigits, normaliseHolderKana, resolveBankName, resolveBranchName, yuchoToZengin } from './zengin.ts';

test('bankByCode / branchByCode read the real table', () => {
  const t0 = performance.now();
  assert.deepEqual(bankByCode('0005'), { code: '0005', name: '三菱ＵＦＪ', kana: 'ミツビシユ－エフジエイ' });
  console.log(`zengin-code table load + first lookup: ${(performance.now() - t0).toFixed(0)} ms`);
  assert.equal(bankByCode('9900')?.name, 'ゆうちょ');
  assert.equal(bankByCode('9999'), undefined);
  assert.equal(branchByCode('0005', '135')?.name, '渋谷');
  assert.equal(branchByCode('0005', '999'), undefined);
  assert.equal(branchByCode('0000', '001'), undefined);
});

test('resolveBankName: full names, half/full width, suffixes, aliases', () => {
  const cases: [string, string][] = [
    ['三菱UFJ銀行', '0005'],
    ['三菱ＵＦＪ銀行', '0005'],
    ['三菱ＵＦＪ', '0005'],
    ['三菱 UFJ 銀行', '0005'],
    ['株式会社三菱UFJ銀行', '0005'],
    ['三菱東京UFJ銀行', '0005'],
    ['みずほ', '0001'],
    ['みずほ銀行', '0001'],
    ['三井住友', '0009'],
    ['三井住友銀行', '0009'],
    ['りそな', '0010'],
    ['りそな銀行', '0010'],
    ['埼玉りそな銀行', '0017'],
    ['楽天銀行', '0036'],
    ['PayPay銀行', '0033'],
    ['ＰａｙＰａｙ銀行', '0033'],
    ['ジャパンネット銀行', '0033'],
    ['住信SBIネット銀行', '0038'],
    ['常陽銀行', '0130'],
    ['筑波銀行', '0131'],
    ['セブン銀行', '0034'],
    ['auじぶん銀行', '0039'],
    ['ａｕじぶん銀行', '0039'],
    ['GMOあおぞらネット銀行', '0310'],
    ['ソニー銀行', '0035'],
    ['ｿﾆｰ銀行', '0035'],
    ['SBI新生銀行', '0397'],
    ['イオン銀行', '0040'],
    ['ゆうちょ銀行', '9900'],
    ['ゆうちょ', '9900'],
    ['三菱UFJ信託銀行', '0288'],
    ['中央労働金庫', '2963'],
    ['中央労金', '2963'],
    ['水戸農業協同組合', '4238'],
    ['JA水戸', '4238'],
    ['ＪＡ 水戸', '4238'],
    ['0009', '0009'],
  ];
  for (const [input, code] of cases) assert.equal(resolveBankName(input), code, input);
  // The table's own abbreviated forms must agree with the long forms.
  assert.equal(bankByCode(resolveBankName('水戸信用金庫') ?? '')?.name, '水戸信金');
  assert.equal(bankByCode(resolveBankName('茨城県信用組合') ?? '')?.name, '茨城県信組');
});

test('resolveBankName: ambiguous, wrong kind or unknown → undefined', () => {
  assert.equal(resolveBankName('水戸'), undefined); // 水戸信金 and 水戸農協
  assert.equal(resolveBankName('湖東'), undefined); // 湖東信金 and 湖東農協
  // A bare name that is exactly a table name wins (the table writes 北海道銀行 as 北海道).
  assert.equal(resolveBankName('北海道'), '0116');
  assert.equal(resolveBankName('北海道信用金庫'), resolveBankName('北海道信金'));
  assert.notEqual(resolveBankName('北海道信用金庫'), '0116');
  assert.equal(resolveBankName('北海道銀行'), '0116');
  assert.equal(resolveBankName('水戸銀行'), undefined); // no bank of that name
  assert.equal(resolveBankName('架空銀行'), undefined);
  assert.equal(resolveBankName(''), undefined);
  assert.equal(resolveBankName('1234'), undefined);
});

test('resolveBranchName', () => {
  assert.equal(resolveBranchName('0005', '渋谷支店'), '135');
  assert.equal(resolveBranchName('0005', '渋谷'), '135');
  assert.equal(resolveBranchName('0005', '店番135'), '135');
  assert.equal(resolveBranchName('0005', '店番：１３５'), '135');
  assert.equal(resolveBranchName('0005', '135'), '135');
  assert.equal(resolveBranchName('0005', '本店'), '001');
  assert.equal(resolveBranchName('0009', '本店営業部'), '200');
  assert.equal(resolveBranchName('0009', '本店'), '200');
  assert.equal(resolveBranchName('0001', '本店'), '100');
  assert.equal(resolveBranchName('0130', '本店'), '004');
  assert.equal(resolveBranchName('0131', '水戸支店'), '101'); // table: 水戸営業部
  assert.equal(resolveBranchName('0005', '東京営業部'), '321');
  assert.equal(resolveBranchName('0005', '存在しない支店'), undefined);
  assert.equal(resolveBranchName('0005', '店番998'), branchByCode('0005', '998') ? '998' : undefined);
  assert.equal(resolveBranchName('9999', '本店'), undefined);
  assert.equal(resolveBranchName('9900', '〇一八'), '018');
});

test('yuchoToZengin: 通常貯金 and 振替口座', () => {
  assert.deepEqual(yuchoToZengin('10180', '12345671'), {
    bankCode: '9900',
    branchCode: '018',
    branchName: '〇一八',
    accountType: '1',
    number: '1234567',
    branchInTable: true,
  });
  // Short 番号: drop the last digit, pad to 7.
  assert.equal(yuchoToZengin('14310', '3456781')?.number, '0345678');
  assert.equal(yuchoToZengin('14310', '3456781')?.branchCode, '438');
  assert.equal(yuchoToZengin('14310', '3456781')?.branchName, '四三八');
  const furikae = yuchoToZengin('00120', '123456');
  assert.deepEqual(furikae, { bankCode: '9900', branchCode: '019', branchName: '〇一九', accountType: '2', number: '0123456', branchInTable: true });
  assert.equal(yuchoToZengin('１０１８０', '１２３４５６７１')?.number, '1234567');
  assert.equal(yuchoToZengin('20180', '12345671'), undefined);
  assert.equal(yuchoToZengin('1018', '12345671'), undefined);
  assert.equal(yuchoToZengin('10180', '123456789'), undefined);
  assert.equal(yuchoToZengin('00120', '12345678'), undefined); // 振替 number would be 8 digits
});

test('every ゆうちょ 店番 in the table follows the 漢数字 rule', () => {
  for (let n = 0; n < 1000; n++) {
    const code = String(n).padStart(3, '0');
    const row = branchByCode('9900', code);
    if (row) assert.equal(row.name, kanjiDigits(code));
  }
});

test('normaliseHolderKana', () => {
  assert.equal(normaliseHolderKana('ﾔﾏﾀﾞ ﾀﾛｳ'), 'ヤマダ\u3000タロウ');
  assert.equal(normaliseHolderKana('ヤマダ　　タロウ '), 'ヤマダ\u3000タロウ');
  assert.equal(normaliseHolderKana('やまだ たろう'), 'ヤマダ\u3000タロウ');
  assert.equal(normaliseHolderKana('ｶﾞｯﾂ ﾊﾟﾝﾀﾞ'), 'ガッツ\u3000パンダ');
  assert.equal(normaliseHolderKana('ｷｯﾁｬﾝ'), 'キッチャン'); // small kana kept
  assert.equal(normaliseHolderKana('ｶ)ﾔﾏﾀﾞｼｮｳｼﾞ'), 'カ)ヤマダショウジ');
  assert.equal(normaliseHolderKana('ｽｽﾞｷ\tｲﾁﾛｰ'), 'スズキ\u3000イチロー');
});
