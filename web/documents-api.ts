import type { z } from '@hono/zod-openapi';
import type { DocumentStatusSchema } from '../src/server/schemas-documents.js';
import { request } from './protocol.js';

/** The documents API (contract §6): list, upload and delete the corpus's documents. Writes need the admin key. */

/** A document as GET /api/documents lists it: the server's schema, not a copy of it. */
export type DocumentInfo = z.infer<typeof DocumentStatusSchema>;

const bearer = (key: string) => ({ Authorization: `Bearer ${key}` });

export async function listDocuments(baseUrl: string): Promise<DocumentInfo[]> {
  return ((await (await request(`${baseUrl}/api/documents`)).json()) as { documents: DocumentInfo[] }).documents;
}

export async function deleteDocument(baseUrl: string, source: string, key: string): Promise<void> {
  await request(`${baseUrl}/api/documents/${encodeURIComponent(source)}`, { method: 'DELETE', headers: bearer(key) });
}

/** Uploads one file (multipart field `file`), reporting the share sent (0–1): fetch cannot report upload progress, XMLHttpRequest can. */
export function uploadDocument(baseUrl: string, file: File, key: string, onProgress: (share: number) => void): Promise<DocumentInfo[]> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${baseUrl}/api/documents`);
    xhr.setRequestHeader('Authorization', `Bearer ${key}`);
    xhr.responseType = 'json';
    xhr.upload.addEventListener('progress', (event) => event.lengthComputable && onProgress(event.loaded / event.total));
    xhr.addEventListener('load', () => {
      const body = xhr.response as { documents?: DocumentInfo[]; error?: { code?: string; message?: string } } | null;
      if (xhr.status >= 200 && xhr.status < 300) resolve(body?.documents ?? []);
      else reject(Object.assign(new Error(body?.error?.message ?? `The server answered ${xhr.status}`), { status: xhr.status }));
    });
    xhr.addEventListener('error', () => reject(new Error('Could not reach Docent.')));
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}
