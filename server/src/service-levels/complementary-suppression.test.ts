import { describe, expect, it } from 'vitest';
import { partsToWithhold } from './complementary-suppression.js';

describe('parts of a published total to withhold', () => {
  it('withholds the small parts, and the smallest shown one while the withheld add up to fewer than 10', () => {
    // 2 alone could be worked out from the total (12 + 15 + 2 = 29): 12 goes too, making 14.
    expect(partsToWithhold([12, 15, 2])).toEqual([true, false, true]);
    // 4 + 7 = 11 withheld already: nothing more needs to go.
    expect(partsToWithhold([4, 7, 30])).toEqual([true, true, false]);
  });

  it('keeps every part at or over 10, and parts of nothing, shown', () => {
    expect(partsToWithhold([10, 25])).toEqual([false, false]);
    expect(partsToWithhold([0, 25])).toEqual([true, false]);
  });

  it('withholds them all when even all together are fewer than 10', () => {
    expect(partsToWithhold([3, 4])).toEqual([true, true]);
    expect(partsToWithhold([12, 3])).toEqual([true, true]);
  });
});
