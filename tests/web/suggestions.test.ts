import { describe, expect, it } from 'vitest';
import { questionFromHeading, questionFromSentence } from '../../src/suggest/candidates.js';
import { SuggestedQuestions } from '../../src/suggest/suggestions.js';
import { testApp } from '../helpers/app.js';
import { makeCorpus, openTestDocent } from '../helpers/fixtures.js';

describe('candidate questions', () => {
  it('turns dated and defining lead sentences into questions', () => {
    expect(questionFromSentence('In May 2010, the first China-US consultation on the UNPKOs was held in Beijing.')).toBe('When was the first China-US consultation on the UNPKOs held in Beijing?');
    expect(questionFromSentence("China's armed forces established a specialized peacekeeping training institution in June 2009.")).toBe("When did China's armed forces establish a specialized peacekeeping training institution?");
    expect(questionFromSentence('In 1933, Alfonso Bialetti invented the moka pot, which is still made today.')).toBe('When did Alfonso Bialetti invent the moka pot?');
    expect(questionFromSentence('The moka pot is a stovetop coffee maker.')).toBe('What is the moka pot?');
    expect(questionFromSentence('It rained a lot.')).toBeUndefined();
  });

  it('turns "term — description" headings and question headings into questions', () => {
    expect(questionFromHeading('atexit — Exit handlers')).toBe('What is atexit?');
    expect(questionFromHeading('3. Why use a moka pot?')).toBe('Why use a moka pot?');
    expect(questionFromHeading('Installation')).toBeUndefined();
  });
});

describe('suggested questions', () => {
  it('keeps 3–4 questions on the default corpus, each answered with a citation', async () => {
    const docent = await openTestDocent();
    const picked = await new SuggestedQuestions(docent).ready();
    expect(picked.state).toBe('ready');
    expect(picked.version).toBe(docent.status.version);
    expect(picked.questions.length).toBeGreaterThanOrEqual(3);
    expect(picked.questions.length).toBeLessThanOrEqual(4);
    for (const question of picked.questions) {
      const result = await docent.ask(question);
      expect(result.answerable, question).toBe(true);
      expect(result.citations.length).toBeGreaterThan(0);
    }
  });

  it('drops candidates the documents do not answer', async () => {
    // The heading asks a question the text never answers.
    const corpus = await makeCorpus({ 'pots.md': '# Pots\n\n## Why is the sky green?\n\nThe moka pot is a stovetop coffee maker that brews coffee by steam pressure.\n' });
    const picked = await new SuggestedQuestions(await openTestDocent(corpus)).ready();
    expect(picked.questions).toContain('What is the moka pot?');
    expect(picked.questions).not.toContain('Why is the sky green?');
  });

  it('are served by GET /api/suggestions: pending at first, then ready', async () => {
    const app = await testApp(await openTestDocent());
    let body = await (await app.request('/api/suggestions')).json();
    expect(['pending', 'ready']).toContain(body.state);
    for (let i = 0; i < 100 && body.state === 'pending'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      body = await (await app.request('/api/suggestions')).json();
    }
    expect(body.state).toBe('ready');
    expect(body.questions.length).toBeGreaterThanOrEqual(3);
  });
});
