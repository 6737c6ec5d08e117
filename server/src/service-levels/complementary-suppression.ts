import { suppressionThreshold } from '@tuo/shared/api/performance';

/**
 * Which of the parts of a published total to withhold, so no withheld part can be worked out by
 * taking the shown parts from the total: each part below the threshold, and then, while the withheld
 * parts add up to more than nothing but less than the threshold, the smallest part still shown too
 * (secondary suppression). The organisations of one kind are such parts of their kind's row.
 */
export function partsToWithhold(parts: readonly number[]): boolean[] {
  const withheld = parts.map((value) => value < suppressionThreshold);
  const hiddenSum = () => parts.reduce((sum, value, i) => sum + (withheld[i] ? value : 0), 0);
  for (let sum = hiddenSum(); sum > 0 && sum < suppressionThreshold; sum = hiddenSum()) {
    let smallest = -1;
    for (const [i, value] of parts.entries())
      if (!withheld[i] && (smallest < 0 || value < (parts[smallest] ?? 0))) smallest = i;
    if (smallest < 0) break;
    withheld[smallest] = true;
  }
  return withheld;
}
