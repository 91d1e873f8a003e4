import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { splitByHighlights, withoutLabel } from './highlightSegments.ts';

const plain = (text: string) => ({ text, isMatch: false });
const match = (text: string) => ({ text, isMatch: true });

describe('M3.2 search snippet highlighting', () => {
  it('cuts the snippet into plain and matched pieces in order', () => {
    assert.deepEqual(
      splitByHighlights('病院の電子カルテが暗号化された', [
        [3, 8],
        [9, 12],
      ]),
      [plain('病院の'), match('電子カルテ'), plain('が'), match('暗号化'), plain('された')],
    );
  });

  it('keeps markup in the snippet as text', () => {
    assert.deepEqual(splitByHighlights('<script>window.__xss=1</script>詐欺', [[31, 33]]), [plain('<script>window.__xss=1</script>'), match('詐欺')]);
  });

  it('gives the whole snippet as plain text when nothing is highlighted, and nothing for an empty snippet', () => {
    assert.deepEqual(splitByHighlights('詐欺の相談', []), [plain('詐欺の相談')]);
    assert.deepEqual(splitByHighlights('', [[0, 2]]), []);
  });

  it('sorts and merges overlapping or touching ranges (詐欺 and 欺罔 in 詐欺罔)', () => {
    assert.deepEqual(
      splitByHighlights('特殊詐欺罔の件', [
        [3, 5],
        [2, 4],
      ]),
      [plain('特殊'), match('詐欺罔'), plain('の件')],
    );
    assert.deepEqual(
      splitByHighlights('ABCD', [
        [2, 4],
        [0, 2],
      ]),
      [match('ABCD')],
    );
  });

  it('clamps ranges past either end and drops empty or reversed ones', () => {
    assert.deepEqual(
      splitByHighlights('VPN機器', [
        [-2, 3],
        [4, 99],
        [2, 2],
        [5, 1],
      ]),
      [match('VPN'), plain('機'), match('器')],
    );
  });

  it('counts offsets in UTF-16 units, as the server slices, so characters beyond the BMP stay whole', () => {
    assert.deepEqual(splitByHighlights('𠮷野家で詐欺', [[5, 7]]), [plain('𠮷野家で'), match('詐欺')]);
  });
});

describe('M3.2 search title snippets', () => {
  it('drops the number before a title and moves the ranges with it', () => {
    assert.deepEqual(withoutLabel('IB-C-2026-0001 病院の電子カルテ', [[18, 23]], 'IB-C-2026-0001'), { snippet: '病院の電子カルテ', highlights: [[3, 8]] });
  });

  it('drops ranges inside the number and cuts those that reach into the title', () => {
    assert.deepEqual(
      withoutLabel(
        'IB-2026-000001 詐欺SMS',
        [
          [0, 2],
          [12, 17],
        ],
        'IB-2026-000001',
      ),
      { snippet: '詐欺SMS', highlights: [[0, 2]] },
    );
  });

  it('leaves a snippet that does not start with the number as it is', () => {
    assert.deepEqual(withoutLabel('機器経由で侵入された', [[0, 2]], 'IB-C-2026-0001'), { snippet: '機器経由で侵入された', highlights: [[0, 2]] });
    assert.deepEqual(withoutLabel('IB-C-2026-00012 別の事件', [[0, 2]], 'IB-C-2026-0001'), { snippet: 'IB-C-2026-00012 別の事件', highlights: [[0, 2]] });
  });
});
