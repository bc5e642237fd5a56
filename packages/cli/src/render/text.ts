import pc from 'picocolors';

/** Colour functions that are no-ops when colour is off. */
export type Colors = ReturnType<typeof pc.createColors>;

export const colors = (enabled: boolean): Colors => pc.createColors(enabled);

const width = (s: string) => [...s].length;

/** Wraps text to `columns`, indenting every line by `indent`. */
export const wrap = (text: string, columns: number, indent: string): string[] => {
  const max = Math.max(40, columns - indent.length);
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && width(line) + 1 + width(word) > max) {
      lines.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(indent + line);
  return lines;
};

const fit = (s: string, w: number, align: 'left' | 'right') => {
  const chars = [...s];
  if (chars.length > w) return `${chars.slice(0, Math.max(0, w - 1)).join('')}…`;
  const pad = ' '.repeat(w - chars.length);
  return align === 'left' ? s + pad : pad + s;
};

/** A plain-text table: the first column flexes to the terminal width, the others fit their content. */
export const table = (
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  columns: number,
  align: readonly ('left' | 'right')[],
): string[] => {
  const widths = headers.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const fixed = widths.slice(1).reduce((s, w) => s + w + 2, 0);
  widths[0] = Math.max(20, Math.min(widths[0] ?? 20, columns - fixed - 2));
  const line = (cells: readonly string[]) =>
    `  ${cells.map((c, i) => fit(c, widths[i] ?? 10, align[i] ?? 'left')).join('  ')}`.trimEnd();
  return [line(headers), `  ${widths.map((w) => '─'.repeat(w)).join('  ')}`, ...rows.map(line)];
};
