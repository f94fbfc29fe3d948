import { Decimal } from 'decimal.js';
import type { LintDocument } from '../document/lint-document.js';
import { defineBatchFunction, type BatchContext, type RelatedReport } from '../engine/function-api.js';
import { parseFieldPath } from '../domain/field-paths.js';
import { filingsByName, listedProjects, projectNameOf, projectNameKey, quoteName, unitFolders, type NamedProject } from '../domain/unit-folders.js';
import type { YamlPath } from '../types.js';
import { formatWan, formatYuan } from '../values/money.js';

interface Options {
  /** dotted path, in each filing, of the amount the summary's 项目预算资金 adds up */
  filingAmount: string;
}

/** The filings a summary speaks for, and the listed projects no filing answers. */
interface SummaryMembers {
  filings: LintDocument[];
  missing: NamedProject[];
  listed: NamedProject[] | undefined;
}

const DECLARED_COUNT: YamlPath = ['编报项目数'];
const DECLARED_TOTAL: YamlPath = ['项目预算资金'];

/**
 * Checks each unit summary (document kind 'unit') against the filings beside it in its folder: the declared
 * 编报项目数 equals the number of its projects, and the declared 项目预算资金 equals the exact sum of their
 * `filingAmount`. Its projects are those its `项目` list names, else every filing in the folder. A folder with no
 * filing in this run (a summary linted alone) is not judged; the total is not judged while a listed project has no
 * filing or a filing's amount is blank or malformed (other rules report those). Selected value: any node of each
 * document (`$`); only the documents matter.
 */
export const ruleFunction = defineBatchFunction<Options>({
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['filingAmount'],
    properties: { filingAmount: { type: 'string', minLength: 1 } },
  },
  messageIds: ['countMismatch', 'listCountMismatch', 'totalMismatch', 'listedWithoutFiling', 'filingAmount', 'filingCounted'],
  run(targets, options, context) {
    for (const folder of unitFolders(targets.map((target) => target.document))) {
      if (folder.filings.length === 0) continue;
      for (const summary of folder.summaries) {
        const members = membersOf(summary, folder.filings);
        for (const project of members.missing) {
          context.report(summary, { messageId: 'listedWithoutFiling', path: project.path, data: { project: quoteName(project.name) } });
        }
        checkCount(summary, members, context);
        if (members.missing.length === 0) checkTotal(summary, members.filings, parseFieldPath(options.filingAmount), context);
      }
    }
  },
});

function membersOf(summary: LintDocument, folderFilings: readonly LintDocument[]): SummaryMembers {
  const listed = listedProjects(summary);
  if (!listed) return { filings: [...folderFilings], missing: [], listed };
  const byName = filingsByName(folderFilings);
  const taken = new Set<LintDocument>();
  const missing: NamedProject[] = [];
  for (const project of listed) {
    const filing = byName.get(projectNameKey(project.name))?.find((candidate) => !taken.has(candidate));
    if (filing) taken.add(filing);
    else missing.push(project);
  }
  return { filings: [...taken], missing, listed };
}

/** With a `项目` list the declared count is checked against the list (a missing filing is reported by itself). */
function checkCount(summary: LintDocument, members: SummaryMembers, context: BatchContext): void {
  const declared = summary.valueAt(DECLARED_COUNT);
  if (typeof declared !== 'number' || !Number.isInteger(declared)) return;
  const projects = members.listed ? members.listed.map((project) => project.name) : members.filings.map(projectNameOf);
  if (projects.length === declared) return;
  const related: RelatedReport[] = members.listed
    ? [{ document: summary, path: ['项目'], part: 'key' }]
    : members.filings.map((filing) => ({ document: filing, path: ['项目名称'], messageId: 'filingCounted', data: { project: quoteName(projectNameOf(filing)) } }));
  context.report(summary, {
    messageId: members.listed ? 'listCountMismatch' : 'countMismatch',
    path: DECLARED_COUNT,
    data: { declared, actual: projects.length, projects: projects.map(quoteName).join('、') },
    related,
  });
}

function checkTotal(summary: LintDocument, filings: readonly LintDocument[], amountPath: YamlPath, context: BatchContext): void {
  const declared = context.facts(summary).money(DECLARED_TOTAL);
  if (!declared.ok) return;
  const amounts = filings.map((filing) => ({ filing, parsed: context.facts(filing).money(amountPath) }));
  let sum = new Decimal(0);
  for (const { parsed } of amounts) {
    if (!parsed.ok) return;
    sum = sum.plus(parsed.yuan);
  }
  if (sum.equals(declared.yuan)) return;
  context.report(summary, {
    messageId: 'totalMismatch',
    path: DECLARED_TOTAL,
    data: {
      declared: declared.text,
      declaredYuan: formatYuan(declared.yuan),
      count: filings.length,
      sum: formatYuan(sum),
      sumWan: formatWan(sum),
      difference: formatYuan(declared.yuan.minus(sum).abs()),
    },
    related: amounts.map(({ filing, parsed }) => ({
      document: filing,
      path: amountPath,
      messageId: 'filingAmount',
      data: { project: quoteName(projectNameOf(filing)), amount: parsed.ok ? formatYuan(parsed.yuan) : parsed.text },
    })),
  });
}
