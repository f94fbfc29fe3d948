import { randomBytes } from 'node:crypto';
import { rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Replaces a file's content so that a reader (or a crash) sees either the old file or the new one, never a
 * mix: the text goes to a temporary file beside it, which is then renamed over the original, keeping its mode.
 */
export async function writeFileAtomically(filePath: string, content: string | Uint8Array): Promise<void> {
  const temporary = temporaryPathBeside(filePath);
  const mode = await stat(filePath).then(
    (info) => info.mode,
    () => undefined,
  );
  try {
    await writeFile(temporary, content, { mode });
    await rename(temporary, filePath);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}

/** A hidden, unique name in the file's own folder (a rename is atomic only within one file system). */
export function temporaryPathBeside(filePath: string): string {
  return join(dirname(filePath), `.${basename(filePath)}.${randomBytes(6).toString('hex')}.ptlint-tmp`);
}
