import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain JavaScript install script, without type declarations.
import { nativeBuildPlan } from '../../scripts/native-hnsw.mjs';
// @ts-expect-error: a plain JavaScript install script, without type declarations.
import { BATCH_ADDON_DIR, buildBatchAddon } from '../../scripts/native-hnsw-batch.mjs';

const npm = { npm_config_node_gyp: '/usr/lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js' };

describe('the postinstall step that compiles hnswlib-node for this CPU', () => {
  it('compiles for the native CPU on x64 Linux when npm runs it, keeping the user’s flags', () => {
    expect(nativeBuildPlan(npm, 'linux', 'x64')).toEqual({ cxxflags: '-O3 -march=native' });
    expect(nativeBuildPlan({ ...npm, CXXFLAGS: '-g' }, 'linux', 'x64')).toEqual({ cxxflags: '-g -O3 -march=native' });
  });

  it('leaves the portable build when asked to, on machines it was not measured on, and outside npm', () => {
    expect(nativeBuildPlan({ ...npm, DOCENT_PORTABLE_BUILD: '1' }, 'linux', 'x64').skip).toMatch(/DOCENT_PORTABLE_BUILD/);
    expect(nativeBuildPlan({ ...npm, DOCENT_PORTABLE_BUILD: 'true' }, 'linux', 'x64').skip).toMatch(/DOCENT_PORTABLE_BUILD/);
    expect(nativeBuildPlan(npm, 'linux', 'arm64').skip).toMatch(/arm64/);
    expect(nativeBuildPlan(npm, 'darwin', 'x64').skip).toMatch(/darwin/);
    expect(nativeBuildPlan({}, 'linux', 'x64').skip).toMatch(/npm run postinstall/);
  });
});

describe('the postinstall step that compiles the batch-insertion addon', () => {
  it('removes what a failed compilation left and says the build inserts through hnswlib-node', async () => {
    const root = await fs.mkdtemp(path.join(os.tmpdir(), 'docent-batch-addon-'));
    const leftOver = path.join(root, BATCH_ADDON_DIR, 'build', 'Release');
    await fs.mkdir(leftOver, { recursive: true });
    await fs.writeFile(path.join(leftOver, 'hnsw_batch.node'), 'half written');
    // A node-gyp that fails as a compiler error would.
    const gyp = path.join(root, 'failing-gyp.js');
    await fs.writeFile(gyp, "console.error('gyp ERR! build error'); process.exit(1);");

    const outcome = buildBatchAddon(root, gyp, '-O3');
    expect(outcome).toEqual({ kept: false, message: expect.stringMatching(/not compiled \(gyp ERR! build error\).*hnswlib-node/) });
    await expect(fs.stat(path.join(root, BATCH_ADDON_DIR, 'build'))).rejects.toThrow(/ENOENT/);
  });
});
