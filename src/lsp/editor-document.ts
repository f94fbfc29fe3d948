import { DEFAULT_LIMITS } from '../config/limits.js';
import { LintDocument } from '../document/lint-document.js';
import { documentFacts } from '../engine/document-facts.js';
import type { DocumentFacts } from '../engine/function-api.js';
import { parseYaml } from '../parse/parse-yaml.js';
import type { YamlPath } from '../types.js';

/**
 * The editor's text parsed the way the engine parses it, for hovers, completion and the outline. Undefined when
 * the YAML cannot be expanded into data (the diagnostics say why).
 */
export interface EditorDocument {
  document: LintDocument;
  facts: DocumentFacts;
}

export function parseEditorDocument(filePath: string, text: string): EditorDocument | undefined {
  const parsed = parseYaml(filePath, text);
  let data: unknown;
  try {
    data = parsed.toData(DEFAULT_LIMITS.maxAliases);
  } catch {
    return undefined;
  }
  const document = new LintDocument(parsed.source, parsed.contents, data);
  return { document, facts: documentFacts(document, '') };
}

/** The field of an indicator row that `path` names (`绩效指标[i].<field>`), or undefined for any other path. */
export function indicatorFieldOf(path: YamlPath): string | undefined {
  return path.length === 3 && path[0] === '绩效指标' && typeof path[1] === 'number' ? String(path[2]) : undefined;
}
