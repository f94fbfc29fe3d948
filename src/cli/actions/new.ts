import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { renderMessage } from '../../engine/render-message.js';
import { PROFILE_NAMES } from '../../ruleset/profile-names.js';
import { filingSchemaUrl, filingSkeleton } from '../../skeleton/filing-skeleton.js';
import type { Locale } from '../../types.js';
import { EXIT_OK, EXIT_SETUP, type CliIO } from '../cli-io.js';

export interface NewOptions {
  year?: string;
  profile: (typeof PROFILE_NAMES)[number];
  out: string;
  locale: Locale;
}

/** The 地区 a profile's region-specific rules look for; profiles not listed apply everywhere. */
const PROFILE_REGIONS: Partial<Record<NewOptions['profile'], string>> = { shanghai: '上海市' };

const MESSAGES = {
  written: { zh: '已创建 {{file}}', en: 'wrote {{file}}' },
  exists: { zh: '{{file}} 已存在，未覆盖；请换一个名称或用 --out 指定其他文件夹', en: '{{file}} already exists and was not overwritten; choose another name or --out folder' },
  badYear: { zh: '--year 应为四位年份，如 2026', en: '--year takes a four-digit year, e.g. 2026' },
  failed: { zh: '无法写入 {{file}}：{{reason}}', en: 'cannot write {{file}}: {{reason}}' },
};

export async function writeNewFiling(projectName: string, options: NewOptions, io: CliIO): Promise<number> {
  const say = (id: keyof typeof MESSAGES, data: Record<string, string> = {}) => `${renderMessage(MESSAGES[id], options.locale, data)}\n`;
  const year = options.year === undefined ? new Date().getFullYear() : Number(options.year);
  if (!/^\d{4}$/.test(String(year))) {
    io.stderr(say('badYear'));
    return EXIT_SETUP;
  }
  const filePath = join(resolve(io.cwd, options.out), `${projectName.replace(/[\\/:*?"<>|\s]+/g, '_')}.yaml`);
  const shown = relative(io.cwd, filePath) || filePath;
  const text = filingSkeleton({ projectName, year, region: PROFILE_REGIONS[options.profile], schemaUrl: filingSchemaUrl(dirname(filePath)) });
  try {
    await mkdir(dirname(filePath), { recursive: true });
    await writeFile(filePath, text, { flag: 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    io.stderr(code === 'EEXIST' ? say('exists', { file: shown }) : say('failed', { file: shown, reason: code ?? String(error) }));
    return EXIT_SETUP;
  }
  io.stdout(say('written', { file: shown }));
  return EXIT_OK;
}
