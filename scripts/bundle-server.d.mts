/** Types of bundle-server.mjs (plain JavaScript, so that `npm start` needs no TypeScript loader). */
/** The bundled CLI, run by `npm start`. */
export declare const ENTRY: string;
/** Builds ENTRY from src/cli/main.ts unless it is current. */
export declare function bundleServer(): Promise<void>;
