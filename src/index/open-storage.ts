import type { Config } from '../config.js';
import { folderStorage } from './folder-storage.js';
import type { IndexStorage } from './storage.js';

/** The storage VECTOR_STORE names. The PostgreSQL client is loaded only when it is used. */
export async function openIndexStorage(config: Config): Promise<IndexStorage> {
  if (config.vectorStore === 'hnsw' || !config.database) return folderStorage(config.indexDir);
  const { PgStorage } = await import('./pg/storage.js');
  return new PgStorage(config.database);
}
