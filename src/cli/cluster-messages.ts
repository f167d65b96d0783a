/**
 * Messages between the primary and its workers: a worker asks for a re-index (after an upload), says
 * when it serves its first version (or that its first load left it nothing to serve), and reports a
 * current version it refused as damaged (the primary decides "up to date" from the manifest alone, so
 * the workers are the ones that check every file);
 * the primary announces each new version it wrote, and tells the workers to warm up (load the model
 * and the word-meaning caches) once all of them serve.
 */
export type ClusterMessage =
  | { docent: 'refresh' }
  | { docent: 'damaged' }
  | { docent: 'ready'; version: string }
  | { docent: 'waiting' }
  | { docent: 'index-version'; version: string }
  | { docent: 'warm-up' };

export const tellPrimary = (message: ClusterMessage) => process.send?.(message);
