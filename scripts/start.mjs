/**
 * `npm start`: brings the prebuilt bundle of the CLI up to date (see bundle-server.mjs), then runs it
 * in this same process, so that signals sent to `npm start`'s process reach the server directly.
 * Cluster workers re-run this file; they find the bundle current.
 */
import { pathToFileURL } from 'node:url';
import { bundleServer, ENTRY } from './bundle-server.mjs';

await bundleServer();
await import(pathToFileURL(ENTRY).href);
