import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import dotenv from 'dotenv';
import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES, ConfigError, loadConfig } from '../src/config.js';

const emptyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'docent-config-'));

describe('configuration', () => {
  it('.env.example lists every variable, with the defaults the code uses', () => {
    const example = dotenv.parse(fs.readFileSync('.env.example'));
    expect(Object.keys(example).sort()).toEqual([...CONFIG_VARIABLES].sort());
    expect(loadConfig(example, emptyDir)).toEqual(loadConfig({}, emptyDir));
  });

  it('has the documented defaults', () => {
    const config = loadConfig({}, emptyDir);
    expect(config).toMatchObject({ port: 8787, host: '127.0.0.1', topK: 5, corpusDir: path.join(emptyDir, 'corpus'), indexDir: path.join(emptyDir, 'index') });
    expect(config.embedding).toMatchObject({ model: 'docent-wordnet-v1', allowRemoteModels: false });
    expect(config.llm).toBeUndefined();
    expect(config.allowedOrigins).toEqual([]);
  });

  it('reads .env, with the environment taking precedence', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'docent-config-'));
    fs.writeFileSync(path.join(dir, '.env'), 'PORT=9000\nTOP_K=7\nALLOWED_ORIGINS=https://a.example, https://b.example\n');
    const config = loadConfig({ TOP_K: '3' }, dir);
    expect(config).toMatchObject({ port: 9000, topK: 3, allowedOrigins: ['https://a.example', 'https://b.example'] });
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT/],
    [{ TOP_K: '0' }, /TOP_K/],
    [{ CHUNK_SIZE: '200', CHUNK_OVERLAP: '300' }, /CHUNK_OVERLAP/],
    [{ LLM_BASE_URL: 'http://127.0.0.1:1' }, /LLM_BASE_URL and LLM_MODEL/],
    [{ ALLOW_REMOTE_MODELS: 'maybe' }, /ALLOW_REMOTE_MODELS/],
    [{ VECTOR_STORE: 'pgvector' }, /DATABASE_URL/],
    [{ VECTOR_STORE: 'faiss' }, /VECTOR_STORE/],
    [{ DATABASE_SCHEMA: 'Docent; DROP TABLE x' }, /DATABASE_SCHEMA/],
    [{ HEAP_GROWTH_PERCENT: '-5' }, /HEAP_GROWTH_PERCENT/],
    [{ WORKER_SEMI_SPACE_MIB: '2048' }, /WORKER_SEMI_SPACE_MIB/],
  ])('rejects %j with a message naming the variable', (env, message) => {
    expect(() => loadConfig(env, emptyDir)).toThrow(ConfigError);
    expect(() => loadConfig(env, emptyDir)).toThrow(message);
  });
});
