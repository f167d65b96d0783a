import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * Questions about a corpus that has none: from sentences spread evenly over its files, "What does the
 * documentation say about" the three longest words of each. Enough to time retrieval and answering
 * at scale (their quality is measured on the labelled SQuAD set instead).
 */
export async function questionsFrom(corpusDir: string, count: number): Promise<string[]> {
  const files = (await fs.readdir(corpusDir)).filter((name) => name.endsWith('.txt')).sort();
  const step = Math.max(1, Math.floor(files.length / count));
  const questions: string[] = [];
  for (let i = 0; i < files.length && questions.length < count; i += step) {
    const text = await fs.readFile(path.join(corpusDir, files[i]!), 'utf8');
    const sentence = text.split(/(?<=[.!?])\s+/).find((candidate) => candidate.split(/\s+/).length >= 8 && /^[A-Z]/.test(candidate));
    if (!sentence) continue;
    const words = [...new Set(sentence.match(/[A-Za-z][A-Za-z-]{3,}/g) ?? [])].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
    if (words.length >= 3) questions.push(`What does the documentation say about ${words.slice(0, 3).join(' ')}?`);
  }
  return questions;
}
