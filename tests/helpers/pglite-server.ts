import { PGlite } from '@electric-sql/pglite';
import { pg_textsearch } from '@electric-sql/pglite-pg_textsearch';
import { vector } from '@electric-sql/pglite-pgvector';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface TestDatabase {
  /** A connection string for `pg`, on loopback. */
  url: string;
  stop(): Promise<void>;
}

/**
 * PostgreSQL 18 with pgvector and pg_textsearch (PGlite, in WebAssembly) served over the wire
 * protocol on a loopback port, so the real client code talks to it as to a PostgreSQL server.
 * Several connections are multiplexed onto the one PGlite session (a pool needs more than one).
 */
export async function startTestDatabase(): Promise<TestDatabase> {
  const db = await PGlite.create({ extensions: { vector, pg_textsearch } });
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 32 });
  await server.start();
  return {
    // host:port, the port chosen by the system.
    url: `postgres://postgres@${server.getServerConn()}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
