/**
 * A one-line progress bar on stderr for batches: drawn only on an interactive terminal and never under CI, where
 * carriage-return redraws would fill the log.
 */

export interface ProgressOutput {
  stderr(text: string): void;
  /** whether stderr is an interactive terminal */
  interactive?: boolean;
}

export interface Progress {
  /** `completed` of `total` items done; `label` names the latest (a file) */
  update(completed: number, total: number, label?: string): void;
  /** removes the bar so the next output starts on a clean line */
  done(): void;
}

export interface ProgressOptions {
  output: ProgressOutput;
  env?: Readonly<Record<string, string | undefined>>;
  /** bar width in cells */
  width?: number;
}

const SILENT: Progress = { update() {}, done() {} };
const CLEAR_LINE = '\r\u001b[2K';

export function isContinuousIntegration(env: Readonly<Record<string, string | undefined>>): boolean {
  const value = env.CI;
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}

/** A bar for a batch; a batch of one item draws nothing. */
export function createProgress({ output, env = process.env, width = 24 }: ProgressOptions): Progress {
  if (!output.interactive || isContinuousIntegration(env)) return SILENT;
  let drawn = false;
  return {
    update(completed, total, label) {
      if (total < 2) return;
      const filled = Math.round((completed / total) * width);
      const name = label === undefined ? '' : ` ${label.length > 40 ? `…${label.slice(-39)}` : label}`;
      output.stderr(`${CLEAR_LINE}[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${completed}/${total}${name}`);
      drawn = true;
    },
    done() {
      if (drawn) output.stderr(CLEAR_LINE);
      drawn = false;
    },
  };
}
