import { test } from 'node:test';
import assert from 'node:assert/strict';
import { phoneLineType } from './phone.ts';
import { JP_AREA_REGIONS } from './phone-areas.ts';

test('Japanese number classes by prefix', () => {
  assert.deepEqual(phoneLineType('+819012345678'), { kind: 'mobile' });
  assert.deepEqual(phoneLineType('+818012345678'), { kind: 'mobile' });
  assert.deepEqual(phoneLineType('+817012345678'), { kind: 'mobile' });
  assert.deepEqual(phoneLineType('+815012345678'), { kind: 'ip_050' });
  assert.deepEqual(phoneLineType('+81120123456'), { kind: 'toll_free' });
  assert.deepEqual(phoneLineType('+818001234567'), { kind: 'toll_free' });
  assert.deepEqual(phoneLineType('+81570123456'), { kind: 'navi_dial' });
  assert.deepEqual(phoneLineType('+81201234567890'), { kind: 'm2m' });
  assert.deepEqual(phoneLineType('+8120123456789'), { kind: 'm2m' });
});

test('fixed lines get area code and region', () => {
  assert.deepEqual(phoneLineType('+81292243111'), { kind: 'fixed', areaCode: '029', region: '水戸・つくば・土浦・ひたちなか' });
  assert.deepEqual(phoneLineType('+81298831111'), { kind: 'fixed', areaCode: '029', region: '水戸・つくば・土浦・ひたちなか' });
  assert.deepEqual(phoneLineType('+81296771101'), { kind: 'fixed', areaCode: '0296', region: '笠間・筑西・結城・桜川' });
  assert.deepEqual(phoneLineType('+81335814321'), { kind: 'fixed', areaCode: '03', region: '東京23区' });
  assert.deepEqual(phoneLineType('+81471671111'), { kind: 'fixed', areaCode: '04', region: '所沢・柏' });
  assert.deepEqual(phoneLineType('+81474362111'), { kind: 'fixed', areaCode: '047', region: '船橋・市川・松戸' });
  assert.deepEqual(phoneLineType('+81 6-6941-0351'), { kind: 'fixed', areaCode: '06', region: '大阪' });
  const noRegion = phoneLineType('+81154231111'); // 釧路 0154, not in the table
  assert.equal(noRegion.kind, 'fixed');
  assert.equal(noRegion.areaCode, '0154');
  assert.equal(noRegion.region, undefined);
});

test('every area code in the table is one libphonenumber produces as the first group', () => {
  for (const area of Object.keys(JP_AREA_REGIONS)) {
    let found = false;
    for (let p = 10; p < 100 && !found; p++) {
      const rest = `${p}34567890`.slice(0, 10 - area.length);
      const r = phoneLineType(`+81${area.slice(1)}${rest}`);
      if (r.kind === 'fixed' && r.areaCode === area) found = true;
    }
    assert.ok(found, `no number gives area code ${area}`);
  }
});

test('other countries and junk', () => {
  assert.deepEqual(phoneLineType('+14155552671'), { kind: 'fixed' }); // US FIXED_LINE_OR_MOBILE
  assert.deepEqual(phoneLineType('+447400123456'), { kind: 'mobile' });
  assert.deepEqual(phoneLineType('+8613800138000'), { kind: 'mobile' });
  assert.deepEqual(phoneLineType('0312345678'), { kind: 'other' });
  assert.deepEqual(phoneLineType('+81'), { kind: 'other' });
  assert.deepEqual(phoneLineType('+819901234567'), { kind: 'other' }); // 0990 ダイヤルQ2-style premium
});
