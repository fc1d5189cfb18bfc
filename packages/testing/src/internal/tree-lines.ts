// Draws any tree with box characters, keeping each line's item so callers can mark lines (pure).

/** One drawn line and the item it shows. */
export interface TreeLine<T> {
  item: T;
  text: string;
}

/** Lines of the trees under `roots`: `├─ ` / `└─ ` branches, `│  ` rails. */
export function treeLines<T>(
  roots: readonly T[],
  childrenOf: (item: T) => readonly T[],
  describe: (item: T) => string,
): Array<TreeLine<T>> {
  const lines: Array<TreeLine<T>> = [];
  const draw = (item: T, prefix: string, branch: string): void => {
    lines.push({ item, text: `${prefix}${branch}${describe(item)}` });
    const rail = branch === '├─ ' ? '│  ' : branch === '' ? '' : '   ';
    const children = childrenOf(item);
    children.forEach((child, i) =>
      draw(child, prefix + rail, i === children.length - 1 ? '└─ ' : '├─ '),
    );
  };
  for (const root of roots) draw(root, '', '');
  return lines;
}
