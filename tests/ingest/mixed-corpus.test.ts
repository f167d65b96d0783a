import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openTestDocent, tempDir } from '../helpers/fixtures.js';
import { COFFEE_PDF_PAGES, HTML_PAGE, makeDocx, makePdf } from './fixtures.js';

/** A corpus folder with one document per format and a corrupt PDF. */
async function mixedCorpus(): Promise<string> {
  const dir = await tempDir('docent-mixed-');
  const files: Record<string, string | Uint8Array> = {
    'brewing.html': HTML_PAGE,
    'handbook.pdf': await makePdf(COFFEE_PDF_PAGES),
    'handbook.docx': await makeDocx(),
    'notes.md': '# Kettles\n\nA gooseneck kettle pours a thin, steady stream of water\nfor pour-over coffee.\n',
    'broken.pdf': '%PDF-1.7 truncated',
  };
  for (const [name, content] of Object.entries(files)) await fs.writeFile(path.join(dir, name), content);
  return dir;
}

describe('a corpus of HTML, PDF, DOCX and Markdown', () => {
  it('indexes every readable file, reports the corrupt one, and answers with exact citations carrying sections and pages', async () => {
    const docent = await openTestDocent(await mixedCorpus());
    expect([...docent.index.documents.keys()].sort()).toEqual(['brewing.html', 'handbook.docx', 'handbook.pdf', 'notes.md']);
    expect(docent.index.manifest.failures.map(({ source, reason }) => ({ source, reason }))).toEqual([{ source: 'broken.pdf', reason: expect.stringMatching(/corrupt PDF/) }]);
    for (const question of ['Who invented the moka pot?', 'How long does a French press steep?', 'What does a gooseneck kettle pour?']) {
      const response = await docent.ask(question);
      expect(response.answerable).toBe(true);
      expect(response.citations.length).toBeGreaterThan(0);
      for (const citation of response.citations) {
        const text = docent.index.documents.get(citation.source)!;
        expect(citation.quote).toBe(text.slice(citation.start, citation.end));
        expect(citation.section.length).toBeGreaterThan(0);
        expect(citation.quote).not.toMatch(/Coffee Handbook — internal|Page \d of \d/);
        if (citation.source.endsWith('.pdf')) expect(citation.page).toBeGreaterThanOrEqual(1);
        else expect(citation.page).toBeUndefined();
      }
    }
    const press = await docent.ask('How long does a French press steep?');
    expect(press.citations.find((citation) => citation.source === 'handbook.pdf')).toMatchObject({ page: 1, section: ['Brewing Coffee'] });
  });
});
