/**
 * The import pipeline for one document: read (text, .xlsx or .docx) → rows of cells with source positions → split
 * labels joined → forms, narratives and unit summary recognised → drafts mapped → YAML written. The three input
 * kinds differ only in their reader.
 */
import { extname, join, relative } from 'node:path';
import { packageRoot } from '../package-root.js';
import type { LocalizedText } from '../types.js';
import { headerValue, type FilingDraft } from './drafts.js';
import { IssueCollector, type ImportIssue } from './import-issues.js';
import { joinSplitLabels } from './join-split-labels.js';
import { mapForm } from './map-form.js';
import { mapUnitSummary } from './map-unit-summary.js';
import { filingFileName, uniqueFileName, UNIT_SUMMARY_FILE } from './output-names.js';
import { readDocxDocument } from './read-docx.js';
import { readTextDocument } from './read-text.js';
import { readXlsxDocument } from './read-xlsx.js';
import { segmentDocument } from './segment-document.js';
import { shortPosition, type SourceDocument } from './source-model.js';
import { filingYaml, unitSummaryYaml } from './write-yaml.js';

export interface ImportedFile {
  /** the file's name inside the output folder */
  fileName: string;
  kind: 'filing' | 'unit';
  text: string;
}

export type DocumentImport =
  | { ok: true; files: ImportedFile[]; issues: ImportIssue[] }
  | { ok: false; message: LocalizedText };

export interface ImportOptions {
  /** the document's path as the reviewer named it, for the `来源` comment and issue positions */
  displayPath: string;
  /** the folder the files will be written to, for the schema modeline */
  outDir: string;
}

const READERS: Readonly<Record<string, (path: string, bytes: Uint8Array) => Promise<ReturnType<typeof readTextDocument>>>> = {
  '.txt': async (path, bytes) => readTextDocument(path, bytes),
  '.text': async (path, bytes) => readTextDocument(path, bytes),
  '.md': async (path, bytes) => readTextDocument(path, bytes),
  '.xlsx': readXlsxDocument,
  '.docx': readDocxDocument,
};

export const SUPPORTED_EXTENSIONS: readonly string[] = Object.keys(READERS);

export async function importDocument(bytes: Uint8Array, options: ImportOptions): Promise<DocumentImport> {
  const reader = READERS[extname(options.displayPath).toLowerCase()];
  if (!reader) {
    return {
      ok: false,
      message: { zh: `不支持的文件类型（可导入 ${SUPPORTED_EXTENSIONS.join('、')}）`, en: `unsupported file type (supported: ${SUPPORTED_EXTENSIONS.join(', ')})` },
    };
  }
  const read = await reader(options.displayPath, bytes);
  if (!read.ok) return read;
  return { ok: true, ...importRows(read.document, options) };
}

/** The stages after reading, the same for every input kind. */
function importRows(document: SourceDocument, options: ImportOptions): { files: ImportedFile[]; issues: ImportIssue[] } {
  const issues = new IssueCollector(options.displayPath);
  const parts = segmentDocument(joinSplitLabels(document.rows));
  if (parts.forms.length === 0 && document.rows.length > 0) {
    issues.unmapped(document.rows[0].position, {
      zh: '文中没有可识别的申报表（找不到“项目名称”栏）',
      en: 'no form found in the document (no 项目名称 field)',
    });
  }
  const drafts = parts.forms.map((form) => mapForm(form, document.columnsReliable, issues));
  for (const narrative of parts.orphanNarratives) issues.unmappedRows(narrative, { zh: '（其后没有申报表的项目经费情况说明）', en: '(a narrative with no form after it)' });
  const summary = mapUnitSummary(parts.prelude, drafts, issues);

  const schemaPath = relative(options.outDir, join(packageRoot(), 'schemas', 'filing.schema.json')).split('\\').join('/');
  const taken = new Set<string>([UNIT_SUMMARY_FILE]);
  const files: ImportedFile[] = drafts.map((draft) => ({
    fileName: uniqueFileName(filingFileName(headerValue(draft, '项目名称'), draft.ordinal), taken),
    kind: 'filing',
    text: filingYaml(draft, { schemaPath, origin: filingOrigin(draft, options.displayPath) }),
  }));
  if (summary) {
    files.push({
      fileName: UNIT_SUMMARY_FILE,
      kind: 'unit',
      text: unitSummaryYaml(summary, { schemaPath, origin: `${options.displayPath} ${summary.origin}` }),
    });
  }
  return { files, issues: issues.issues };
}

function filingOrigin(draft: FilingDraft, displayPath: string): string {
  const name = headerValue(draft, '项目名称');
  const narrative = draft.narrative ? `，连同其前的${draft.narrative.title.replace(/^#+\s*/, '')}` : '';
  return `${displayPath} 第${draft.ordinal}张表${name ? `（${name}）` : ''}，${shortPosition(draft.position)}起${narrative}`;
}
