import { spawnSync } from 'node:child_process';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { tempFolder } from '../support/temp-folder.js';

/** action.yml, .pre-commit-hooks.yaml and the recipes in docs/ci.md, checked against what their hosts require. */
const repoRoot = join(import.meta.dirname, '..', '..');
const read = (name: string) => readFileSync(join(repoRoot, name), 'utf8');

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  shell?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}

interface CompositeAction {
  name: string;
  description: string;
  inputs: Record<string, { description: string; default?: string }>;
  runs: { using: string; steps: Step[] };
}

const action = parse(read('action.yml')) as CompositeAction;
const lintStep = action.runs.steps.find((step) => step.id === 'lint');

describe('action.yml', () => {
  it('is a composite action whose run steps each name their shell, as GitHub requires', () => {
    expect(action.runs.using).toBe('composite');
    expect([action.name, action.description].every((text) => text.length > 0)).toBe(true);
    expect(action.runs.steps.filter((step) => step.run !== undefined && step.shell === undefined)).toEqual([]);
    expect(Object.entries(action.inputs).filter(([, input]) => !input.description)).toEqual([]);
  });

  it('sets up Node, runs ptlint for SARIF and uploads that file to code scanning', () => {
    const uses = action.runs.steps.map((step) => step.uses?.split('@')[0]);
    expect(uses).toEqual(['actions/setup-node', undefined, 'github/codeql-action/upload-sarif', undefined]);
    expect(lintStep?.run).toContain('check "${paths[@]}" --format sarif --output "$PTLINT_SARIF"');
    expect(lintStep?.env?.PTLINT_SARIF).toBe('${{ inputs.sarif-file }}');
    expect(action.runs.steps[2].with?.sarif_file).toBe('${{ inputs.sarif-file }}');
    expect(action.inputs['sarif-file'].default).toBe('ptlint.sarif');
  });

  it('never splices an input into a script', () => {
    expect(action.runs.steps.flatMap((step) => (step.run?.includes('${{') ? [step.run] : []))).toEqual([]);
  });

  it('runs the lint script: paths split on spaces, config passed, exit code recorded, 2 fails the step', async () => {
    const folder = await tempFolder({});
    const calls = join(folder, 'calls');
    // a stand-in npx that records its arguments, writes the report and exits with PTLINT_FAKE_EXIT
    writeFileSync(join(folder, 'npx'), `#!/bin/sh\nprintf '%s\\n' "$@" > "${calls}"\ntouch ptlint.sarif\nexit "$PTLINT_FAKE_EXIT"\n`);
    chmodSync(join(folder, 'npx'), 0o755);
    const run = (exitCode: number) => {
      const output = join(folder, `output-${exitCode}`);
      writeFileSync(output, '');
      const result = spawnSync('bash', ['-e', '-c', lintStep?.run ?? ''], {
        cwd: folder,
        encoding: 'utf8',
        env: {
          PATH: `${folder}:${process.env.PATH}`,
          GITHUB_OUTPUT: output,
          PTLINT_PATHS: '申报表 其他 目录',
          PTLINT_CONFIG: 'ptlint.config.yaml',
          PTLINT_VERSION: '0.1.0',
          PTLINT_SARIF: 'ptlint.sarif',
          PTLINT_FAKE_EXIT: String(exitCode),
        },
      });
      return { status: result.status, output: readFileSync(output, 'utf8'), args: readFileSync(calls, 'utf8').trim().split('\n') };
    };
    const findings = run(1);
    expect(findings.args).toEqual(['--yes', 'ptlint@0.1.0', 'check', '申报表', '其他', '目录', '--format', 'sarif', '--output', 'ptlint.sarif', '--config', 'ptlint.config.yaml']);
    expect([findings.status, findings.output]).toEqual([0, 'exit-code=1\n']);
    const broken = run(2);
    expect([broken.status, broken.output]).toEqual([2, 'exit-code=2\n']);
  });

  it('fails the job on errors only when asked to', () => {
    const gate = action.runs.steps[3];
    expect(gate.if).toBe("inputs.fail-on-findings == 'true' && steps.lint.outputs.exit-code == '1'");
    const result = spawnSync('bash', ['-c', gate.run ?? ''], { encoding: 'utf8' });
    expect([result.status, result.stdout]).toEqual([1, '::error::ptlint found errors in the filings; see the code scanning alerts\n']);
  });
});

interface Hook {
  id: string;
  name: string;
  entry: string;
  language: string;
  files?: string;
  pass_filenames?: boolean;
}

describe('.pre-commit-hooks.yaml', () => {
  const hooks = parse(read('.pre-commit-hooks.yaml')) as Hook[];

  it('declares each hook with the keys pre-commit requires', () => {
    expect(hooks.map((hook) => hook.id)).toEqual(['ptlint', 'ptlint-all']);
    for (const hook of hooks) expect([hook.name, hook.entry, hook.language].every((value) => typeof value === 'string' && value.length > 0)).toBe(true);
    expect(hooks.every((hook) => hook.language === 'node' && hook.entry.startsWith('ptlint check'))).toBe(true);
  });

  it('runs on YAML files only, and the whole-tree hook lints everything rather than the changed files', () => {
    const files = new RegExp(hooks[0].files ?? '');
    expect(['申报表/社区党建.yaml', 'a.yml', 'a.json', 'yaml.txt'].map((name) => files.test(name))).toEqual([true, true, false, false]);
    expect([hooks[1].entry, hooks[1].pass_filenames]).toEqual(['ptlint check .', false]);
  });
});

describe('docs/ci.md', () => {
  const blocks = [...read('docs/ci.md').matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => parse(match[1]) as Record<string, unknown>);

  it('has a GitLab job whose code quality report is the file ptlint writes', () => {
    const job = blocks.find((block) => 'ptlint' in block)?.ptlint as { script: string[]; artifacts: { reports: { codequality: string } } };
    const gitlabLine = job.script.find((line) => line.includes('--format gitlab'));
    expect(gitlabLine).toContain(`--output ${job.artifacts.reports.codequality}`);
  });

  it('has a workflow that may upload SARIF and uses this action', () => {
    const workflow = blocks.find((block) => 'jobs' in block) as { permissions: Record<string, string>; jobs: { ptlint: { steps: Step[] } } };
    expect(workflow.permissions['security-events']).toBe('write');
    expect(workflow.jobs.ptlint.steps.some((step) => step.uses?.endsWith('/ptlint@v1'))).toBe(true);
  });

  it('has a pre-commit config naming hooks this repository offers', () => {
    const config = blocks.find((block) => 'repos' in block) as { repos: Array<{ hooks: Array<{ id: string }> }> };
    const offered = (parse(read('.pre-commit-hooks.yaml')) as Hook[]).map((hook) => hook.id);
    expect(config.repos[0].hooks.every((hook) => offered.includes(hook.id))).toBe(true);
  });
});
