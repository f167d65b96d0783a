import type { Docent } from '../service.js';
import { candidateQuestions } from './candidates.js';

export interface Suggestions {
  version: string;
  state: 'pending' | 'ready';
  questions: string[];
}

export interface SuggestionOptions {
  /** Questions to keep. */
  count?: number;
  /** Candidates to try at most (each costs one answer). */
  attempts?: number;
}

/**
 * Suggested first questions, picked once per index version in the background: candidates from the
 * documents' lead sentences and headings (candidates.ts), kept only when asking them gives an
 * answer citing the document they came from, with every sentence supported by its citations.
 */
export class SuggestedQuestions {
  #version = '';
  #questions: string[] | undefined;
  #running: Promise<void> | undefined;

  constructor(
    private readonly docent: Docent,
    private readonly options: SuggestionOptions = {},
  ) {}

  /** The questions for the version being served; starts picking them when that version has none yet. */
  current(): Suggestions {
    const { version } = this.docent.status;
    if (version !== this.#version) {
      this.#version = version;
      this.#questions = undefined;
      this.#running = undefined;
    }
    if (this.#questions) return { version, state: 'ready', questions: this.#questions };
    // Starting: no version to pick from yet; the first request after it loads starts the picking.
    if (this.docent.status.state !== 'starting') this.#running ??= this.#pick(version);
    return { version, state: 'pending', questions: [] };
  }

  /** Resolves once the current version's questions are picked (for tests and warm-up). */
  async ready(): Promise<Suggestions> {
    this.current();
    await this.#running;
    return this.current();
  }

  async #pick(version: string): Promise<void> {
    const { count = 4, attempts = 16 } = this.options;
    const kept: string[] = [];
    try {
      let tried = 0;
      for (const candidate of candidateQuestions(this.docent.index.sources.values())) {
        if (tried++ === attempts || kept.length === count || this.docent.status.version !== version) break;
        const result = await this.docent.ask(candidate.question);
        const cited = result.answerable && result.citations.length > 0 && result.citations.every((citation) => citation.source === candidate.source);
        if (cited && result.verification.supported) kept.push(candidate.question);
        // Let requests run between answers: this is background work.
        await new Promise((resolve) => setImmediate(resolve));
      }
    } catch (error) {
      console.error('[docent] picking suggested questions failed:', error);
    }
    if (this.#version === version) this.#questions = kept;
  }
}
