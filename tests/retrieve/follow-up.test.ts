import { describe, expect, it } from 'vitest';
import { standaloneQuestion } from '../../src/retrieve/follow-up.js';

const previous = [
  { role: 'user' as const, content: 'Which joint exercise did China hold with Mongolia?' },
  { role: 'assistant' as const, content: 'Peacekeeping Mission-2009 [1]' },
];

describe('standaloneQuestion', () => {
  it('resolves a follow-up against the previous user question', () => {
    expect(standaloneQuestion('and when was that?', previous)).toBe('when was that? (following up on: Which joint exercise did China hold with Mongolia?)');
  });

  it('leaves a question that stands alone unchanged', () => {
    expect(standaloneQuestion('Where was the Viking 18 command-post exercise held?', previous)).toBe('Where was the Viking 18 command-post exercise held?');
    expect(standaloneQuestion('and when was that?', [])).toBe('and when was that?');
  });

  it('resolves chains of follow-ups back to the question they started from', () => {
    const history = [...previous, { role: 'user' as const, content: 'and where?' }, { role: 'assistant' as const, content: 'Beijing [1]' }];
    expect(standaloneQuestion('who took part in it?', history)).toContain('Which joint exercise did China hold with Mongolia?');
  });
});
