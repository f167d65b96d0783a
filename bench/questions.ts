import fs from 'node:fs/promises';
import path from 'node:path';

const questionAbout = (sentence: string): string | undefined => {
  const words = [...new Set(sentence.match(/[A-Za-z][A-Za-z-]{3,}/g) ?? [])].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  return words.length >= 3 ? `What does the documentation say about ${words.slice(0, 3).join(' ')}?` : undefined;
};

/**
 * Questions about a corpus that has none: from sentences spread evenly over its files (and, when it
 * has fewer files than questions wanted, over each file too), "What does the documentation say about"
 * the three longest words of each. Enough to time retrieval and answering at scale (their quality
 * is measured on the labelled SQuAD set instead); distinct, so a load test cycling through them
 * measures answering varied questions rather than a few repeated ones.
 */
export async function questionsFrom(corpusDir: string, count: number): Promise<string[]> {
  const files = (await fs.readdir(corpusDir)).filter((name) => name.endsWith('.txt')).sort();
  const step = Math.max(1, Math.floor(files.length / count));
  const chosen = files.filter((_, i) => i % step === 0);
  const perFile = Math.ceil(count / Math.max(1, chosen.length));
  const questions = new Set<string>();
  for (const file of chosen) {
    if (questions.size >= count) break;
    const text = await fs.readFile(path.join(corpusDir, file), 'utf8');
    const sentences = text.split(/(?<=[.!?])\s+/).filter((candidate) => candidate.split(/\s+/).length >= 8 && /^[A-Z]/.test(candidate));
    for (let k = 0; k < Math.min(perFile, sentences.length); k++) {
      const question = questionAbout(sentences[Math.floor((k * sentences.length) / perFile)]!);
      if (question) questions.add(question);
    }
  }
  return [...questions].slice(0, count);
}
