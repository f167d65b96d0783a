import type { Config } from '../config.js';
import { folderStorage } from './folder-storage.js';
import { PgStorage } from './pg/storage.js';
import type { IndexStorage } from './storage.js';

/** The storage VECTOR_STORE names (connections to PostgreSQL are opened on first use). */
export function openIndexStorage(config: Config): IndexStorage {
  if (config.vectorStore === 'hnsw' || !config.database) return folderStorage(config.indexDir, config.hnsw, { fullCheck: config.index.fullCheck });
  return new PgStorage({ ...config.database, hnsw: config.hnsw });
}
