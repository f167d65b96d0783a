import { describe, expect, it } from 'vitest';
import { EvidenceContext } from '../../src/answer/evidence-context.js';
import type { CorpusIndex } from '../../src/index/store.js';
import { parserFor } from '../../src/ingest/parsers/index.js';
import { SentenceIndex } from '../../src/match/sentences.js';
import { SpanSentences } from '../../src/match/span-sentences.js';

const TEXT = [
  'Several Huguenot families immigrated to the Charleston Orange district. They were very successful at marriage. After petitioning the Crown in 1697, they prospered as planters.',
  'China and India met in April. Trade grew quickly. China and Pakistan signed a protocol in May.',
].join('\n\n');

async function contextOf(opening: string): Promise<string[]> {
  const source = 'notes.txt';
  const document = await parserFor(source)!.parse(new TextEncoder().encode(TEXT), { source });
  const index = { documents: new Map([[source, document.text]]), sources: new Map([[source, document]]) } as unknown as CorpusIndex;
  const sentences = new SpanSentences(new SentenceIndex(index));
  const sentence = sentences.index.of(source).find((unit) => document.text.slice(unit.start).startsWith(opening))!;
  return new EvidenceContext(index, sentences).contextOf(sentence).map((text) => text.text);
}

describe('evidence context', () => {
  it('follows sentences that point back to the one naming what they are about', async () => {
    expect(await contextOf('After petitioning')).toContain('Several Huguenot families immigrated to the Charleston Orange district.');
  });

  it('stops at the sentence before when that one does not point back', async () => {
    const context = await contextOf('China and Pakistan');
    expect(context).toContain('Trade grew quickly.');
    expect(context.some((text) => text.includes('India'))).toBe(false);
  });
});
