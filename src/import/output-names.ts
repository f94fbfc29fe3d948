/** File names of the written filings: `<项目名称>.yaml`, quotation marks dropped (“两新”党建 → 两新党建.yaml). */

const QUOTATION_MARKS = /[“”‘’"'「」『』]/g;
const UNSAFE_IN_FILE_NAMES = /[\\/:*?<>|\u0000-\u001f]/g;

export const UNIT_SUMMARY_FILE = '单位汇总.yaml';

export function filingFileName(projectName: string | null | undefined, ordinal: number): string {
  const base = (projectName ?? '').replace(QUOTATION_MARKS, '').replace(UNSAFE_IN_FILE_NAMES, '_').replace(/\s+/g, ' ').trim();
  return `${base === '' ? `表${ordinal}` : base}.yaml`;
}

/** `name.yaml`, then `name-2.yaml`, `name-3.yaml` … for names already taken. */
export function uniqueFileName(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let counter = 2; taken.has(candidate); counter += 1) candidate = name.replace(/\.yaml$/, `-${counter}.yaml`);
  taken.add(candidate);
  return candidate;
}
