import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const EXAMPLE_FOLDER = resolve('examples/001_a2faacda87b912c3');

/** A copy of an example folder in a temporary workspace, so that tests may add and change files. */
export async function exampleWorkspace(extraFiles: Record<string, string> = {}): Promise<{ folder: string; read(name: string): Promise<string>; remove(): Promise<void> }> {
  const parent = await mkdtemp(join(tmpdir(), 'ptlint-lsp-'));
  const folder = join(parent, 'filings');
  await cp(EXAMPLE_FOLDER, folder, { recursive: true });
  for (const [name, text] of Object.entries(extraFiles)) await writeFile(join(folder, name), text);
  return {
    folder,
    read: (name) => readFile(join(folder, name), 'utf8'),
    remove: () => rm(parent, { recursive: true, force: true }),
  };
}

/** Applies LSP text edits (0-based lines, UTF-16 characters) to a text, last edit first. */
export function applyEdits(text: string, edits: ReadonlyArray<{ range: { start: LspPosition; end: LspPosition }; newText: string }>): string {
  const offsetOf = (position: LspPosition) => {
    const lineStarts = [0, ...[...text.matchAll(/\n/g)].map((match) => match.index + 1)];
    return lineStarts[position.line] + position.character;
  };
  const ordered = [...edits].sort((a, b) => offsetOf(b.range.start) - offsetOf(a.range.start));
  let result = text;
  for (const edit of ordered) result = result.slice(0, offsetOf(edit.range.start)) + edit.newText + result.slice(offsetOf(edit.range.end));
  return result;
}

interface LspPosition {
  line: number;
  character: number;
}
