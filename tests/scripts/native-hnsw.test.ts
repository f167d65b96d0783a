import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain JavaScript install script, without type declarations.
import { nativeBuildPlan } from '../../scripts/native-hnsw.mjs';

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
