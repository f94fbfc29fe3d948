import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The committed lockfile is what CI and users install (`npm ci`), so the audited versions are the installed ones.
 * These checks fail when it is missing, out of step with package.json (npm ci would refuse it), or would fetch a
 * shipped package from anywhere but the registry or without an integrity hash.
 */

const repoRoot = join(import.meta.dirname, '..', '..');
const lockPath = join(repoRoot, 'package-lock.json');

interface LockEntry {
  version?: string;
  resolved?: string;
  integrity?: string;
  dev?: boolean;
  link?: boolean;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

const DEPENDENCY_KINDS = ['dependencies', 'devDependencies', 'optionalDependencies'] as const;

describe('package-lock.json', () => {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as Record<string, unknown>;

  it('is there, in lockfile format 3', () => {
    expect(existsSync(lockPath)).toBe(true);
    expect(JSON.parse(readFileSync(lockPath, 'utf8')).lockfileVersion).toBe(3);
  });

  const lock = existsSync(lockPath) ? (JSON.parse(readFileSync(lockPath, 'utf8')) as { name: string; version: string; packages: Record<string, LockEntry> }) : undefined;

  it('records exactly the dependencies package.json asks for', () => {
    const root = lock!.packages[''];
    expect([lock!.name, lock!.version]).toEqual([manifest.name, manifest.version]);
    for (const kind of DEPENDENCY_KINDS) expect(root[kind] ?? {}, kind).toEqual(manifest[kind] ?? {});
  });

  it('resolves every declared dependency', () => {
    const declared = DEPENDENCY_KINDS.flatMap((kind) => Object.keys((manifest[kind] as Record<string, string> | undefined) ?? {}));
    const missing = declared.filter((name) => !lock!.packages[`node_modules/${name}`]?.version);
    expect(missing).toEqual([]);
  });

  // this lockfile omits `resolved` (the registry is implied); a git, file or tarball URL source would set it
  it('takes every shipped package from the npm registry, with an integrity hash', () => {
    const shipped = Object.entries(lock!.packages).filter(([path, entry]) => path !== '' && !entry.dev && !entry.link);
    expect(shipped.length).toBeGreaterThan(10);
    const offRegistry = shipped
      .filter(([, entry]) => (entry.resolved !== undefined && !entry.resolved.startsWith('https://registry.npmjs.org/')) || !entry.integrity?.startsWith('sha512-'))
      .map(([path, entry]) => `${path} ${entry.resolved ?? '(no resolved)'} ${entry.integrity ?? '(no integrity)'}`);
    expect(offRegistry).toEqual([]);
  });
});
