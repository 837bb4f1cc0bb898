import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const run = promisify(execFile);

/** npm in the repo root; a dead proxy makes any download fail at once instead of hanging offline. */
const npm = (args: string[]) =>
  run('npm', args, {
    cwd: ROOT,
    timeout: 120_000,
    env: {
      ...process.env,
      GLOBAL_AGENT_HTTPS_PROXY: 'http://127.0.0.1:9',
      HTTPS_PROXY: 'http://127.0.0.1:9',
      https_proxy: 'http://127.0.0.1:9',
      // What is tested is the project's own policy, not a developer's shell.
      ONNXRUNTIME_NODE_INSTALL: '',
      npm_config_onnxruntime_node_install: '',
    },
  });

describe('shipping', () => {
  it('has the MIT LICENSE that package.json names', async () => {
    const pkg = JSON.parse(await readFile(`${ROOT}package.json`, 'utf8')) as { license: string };
    const license = await readFile(`${ROOT}LICENSE`, 'utf8');
    expect(pkg.license).toBe('MIT');
    expect(license).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} the jubensha contributors\n/);
    expect(license).toContain('THE SOFTWARE IS PROVIDED "AS IS"');
  });

  it('npm prints no warning about the project’s configuration', async () => {
    const { stderr } = await npm(['config', 'list']);
    expect(stderr).not.toMatch(/Unknown (project|user|env) config/);
  });

  it('every dependency install script is reviewed, and onnxruntime-node’s CUDA download never runs', async () => {
    const { stdout } = await npm(['install-scripts', 'ls']);
    expect(stdout).toContain('No packages with unreviewed install scripts');
    // Its postinstall fetches CUDA add-ons from NuGet (offline: npm ci fails); the CPU binary ships in the package.
    const rebuilt = await npm(['rebuild', 'onnxruntime-node', '--foreground-scripts']);
    expect(rebuilt.stdout + rebuilt.stderr).not.toMatch(/script\/install|nuget/i);
  });
});
