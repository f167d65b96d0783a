import { createApp } from '../../src/server/app.js';
import { loadWebAssets } from '../../src/server/web-assets.js';
import type { Docent } from '../../src/service.js';

export async function testApp(docent: Docent) {
  return createApp(docent, { webAssets: await loadWebAssets() });
}

export function postJson(body: unknown, headers: Record<string, string> = {}): RequestInit {
  return { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) };
}
