// Line splitting like Go's textproto.Reader.ReadLine: `\n` separated, a trailing `\r` dropped,
// no empty line after a final newline.

/** The lines of `text`. */
export function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.endsWith('\r')) lines[i] = line.slice(0, -1);
  }
  return lines;
}
