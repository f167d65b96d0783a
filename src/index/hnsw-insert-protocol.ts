import { z } from 'zod';

/** What the insertion worker is started with: the graph to create. */
export const insertWorkerSetupSchema = z.object({
  dimensions: z.number().int().positive(),
  /** Points the graph has room for before its first resize (the build knows how many it will add). */
  capacity: z.number().int().positive(),
  parameters: z.object({ m: z.number().int().positive(), efConstruction: z.number().int().positive(), efSearch: z.number().int().positive(), adaptiveEfSearch: z.boolean(), adaptiveGraph: z.boolean() }),
});
export type InsertWorkerSetup = z.infer<typeof insertWorkerSetupSchema>;

/** `add`: vectors packed row-major (`labels.length × dimensions`), inserted in order. `write`: save the graph to `file`. */
export const insertWorkerRequestSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('add'), labels: z.instanceof(Int32Array), vectors: z.instanceof(Float32Array) }),
  z.object({ kind: z.literal('write'), file: z.string().min(1) }),
]);
export type InsertWorkerRequest = z.infer<typeof insertWorkerRequestSchema>;

export type InsertWorkerReply = { kind: 'added'; count: number } | { kind: 'written' } | { kind: 'failed'; message: string };
