/**
 * A longest-common-subsequence diff of two lists of sentences. Between two kept sentences, the
 * removed and added ones are paired in order as changes (an edited sentence), the rest stay
 * removals or additions. Drafts have tens of sentences, so the quadratic table is nothing.
 */
export type DiffOp<T> =
  | { kind: 'same'; before: T; after: T }
  | { kind: 'changed'; before: T; after: T }
  | { kind: 'removed'; before: T }
  | { kind: 'added'; after: T };

export function diffSequences<T>(
  before: readonly T[],
  after: readonly T[],
  key: (item: T) => string,
): DiffOp<T>[] {
  const a = before.map(key);
  const b = after.map(key);
  // lcs[i][j]: length of the LCS of a[i..] and b[j..].
  const lcs = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const ops: DiffOp<T>[] = [];
  let removed: T[] = [];
  let added: T[] = [];
  const flush = () => {
    const paired = Math.min(removed.length, added.length);
    for (let k = 0; k < paired; k++) ops.push({ kind: 'changed', before: removed[k]!, after: added[k]! });
    for (const item of removed.slice(paired)) ops.push({ kind: 'removed', before: item });
    for (const item of added.slice(paired)) ops.push({ kind: 'added', after: item });
    removed = [];
    added = [];
  };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      flush();
      ops.push({ kind: 'same', before: before[i]!, after: after[j]! });
      i++;
      j++;
    } else if (j < b.length && (i === a.length || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) {
      added.push(after[j++]!);
    } else {
      removed.push(before[i++]!);
    }
  }
  flush();
  return ops;
}
