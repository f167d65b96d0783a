import { ChatOpenAICompletions } from '@langchain/openai';
import type { BaseMessage } from '@langchain/core/messages';
import type { CorpusIndex } from '../index/store.js';
import type { Passage } from '../retrieve/types.js';
import type { CitationChecker } from '../verify/checker.js';
import { citeGeneratedAnswer, type VerifiedAnswer } from '../verify/answer.js';
import { removeInvalidMarkers, STARTS_MARKER, TRAILING_PARTIAL_MARKER } from './markers.js';
import { answerMessages } from './llm-prompt.js';
import type { Answer, Answerer, AnswerOptions } from './types.js';
import { abortedByTimeout, linkedAbort } from '../abort.js';

export interface LlmSettings {
  baseUrl: string;
  model: string;
  apiKey: string | undefined;
  timeoutMs: number;
}

/** Why the extractive answer was returned instead of the LLM's. */
export type FallbackReason = 'llm_error' | 'llm_timeout' | 'no_valid_citation' | 'no_passages';

/** What the LLM answerer returns: a verified answer and which answerer actually produced it. */
export interface LlmAnswer extends Answer {
  answerer: string;
  fallbackReason?: FallbackReason;
  verification?: VerifiedAnswer['verification'];
  citations: VerifiedAnswer['citations'] | Answer['citations'];
}

/** Streams model text to the client while removing `[n]` markers that point to no passage, holding back a marker until it is complete. */
export class MarkerFilter {
  #pending = '';
  #output = '';
  #started = false;

  constructor(private readonly isValid: (n: number) => boolean) {}

  /** Everything passed on so far. */
  get text(): string {
    return this.#output;
  }

  /** Feeds model text; returns the cleaned text that is safe to pass on now. */
  push(chunk: string): string {
    this.#pending += chunk;
    // Hold back a trailing, possibly unfinished marker ("… 2009 [1", "… 2009 ") and the white space before it.
    const hold = TRAILING_PARTIAL_MARKER.exec(this.#pending)!;
    const ready = this.#pending.slice(0, hold.index);
    this.#pending = this.#pending.slice(hold.index);
    return this.#emit(removeInvalidMarkers(ready, this.isValid));
  }

  /** Flushes what was held back at the end of the stream. */
  end(): string {
    const rest = removeInvalidMarkers(this.#pending, this.isValid).trimEnd();
    this.#pending = '';
    return this.#emit(rest);
  }

  #emit(text: string): string {
    const piece = this.#started ? text : text.trimStart();
    if (piece) this.#started = true;
    this.#output += piece;
    return piece;
  }
}

export interface LlmAnswererOptions {
  settings: LlmSettings;
  index: CorpusIndex;
  checker: CitationChecker;
  /** Answers instead when the LLM fails, times out or cites nothing valid. */
  fallback: Answerer;
  /** The chat model; built from `settings` by default (tests may pass their own). */
  model?: { stream(messages: BaseMessage[], options: { signal: AbortSignal }): Promise<AsyncIterable<{ content: unknown }>> };
}

function chunkText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map((part) => (typeof part === 'string' ? part : typeof part?.text === 'string' ? part.text : '')).join('');
  return '';
}

/**
 * Answers with an OpenAI-compatible chat model (OpenAI, Ollama, llama.cpp server, vLLM…) from the
 * retrieved passages, streaming its tokens, then verifies every `[n]` marker. Its text reaches the
 * client only once it has cited a real passage, so an answer that will be replaced (an injection
 * obeyed, a refusal, an uncited reply) is never shown; the `done` result is always the verified answer.
 */
export class LlmAnswerer implements Answerer {
  readonly name = 'llm';
  readonly #options: LlmAnswererOptions;
  readonly #model: NonNullable<LlmAnswererOptions['model']>;

  constructor(options: LlmAnswererOptions) {
    this.#options = options;
    const { settings } = options;
    this.#model =
      options.model ??
      new ChatOpenAICompletions({
        model: settings.model,
        apiKey: settings.apiKey ?? 'not-needed',
        configuration: { baseURL: settings.baseUrl },
        streaming: true,
        streamUsage: false,
        maxRetries: 0,
        timeout: settings.timeoutMs,
        temperature: 0,
      });
  }

  async answer(question: string, passages: Passage[], { signal, onDelta }: AnswerOptions = {}): Promise<LlmAnswer> {
    if (passages.length === 0) return this.#fallback(question, passages, 'no_passages', { signal, onDelta });
    const filter = new MarkerFilter((n) => n >= 1 && n <= passages.length);
    // Text is passed on only after the first valid citation; until then it is held here.
    let held = '';
    let streaming = false;
    const pass = (piece: string) => {
      if (!piece) return;
      if (streaming) return onDelta?.(piece);
      held += piece;
      if (STARTS_MARKER.test(held)) {
        streaming = true;
        onDelta?.(held);
      }
    };
    const deadline = linkedAbort([signal], { ms: this.#options.settings.timeoutMs, message: 'The LLM took longer than LLM_TIMEOUT_MS' });
    const combined = deadline.signal;
    try {
      const messages = await answerMessages(question, passages);
      const stream = await this.#model.stream(messages, { signal: combined });
      for await (const chunk of stream) {
        combined.throwIfAborted();
        pass(filter.push(chunkText(chunk.content)));
      }
      pass(filter.end());
    } catch (error) {
      if (signal?.aborted) throw signal.reason ?? error;
      const reason: FallbackReason = abortedByTimeout(combined) ? 'llm_timeout' : 'llm_error';
      if (reason === 'llm_error') console.error(`[docent] LLM answer failed, falling back to the extractive answerer: ${(error as Error).message}`);
      return this.#fallback(question, passages, reason, { signal, onDelta: streaming ? undefined : onDelta });
    } finally {
      deadline.release();
    }
    const verified = await citeGeneratedAnswer(this.#options.checker, filter.text, passages, this.#options.index.sources);
    if (!verified) return this.#fallback(question, passages, 'no_valid_citation', { signal, onDelta: streaming ? undefined : onDelta });
    return { ...verified, answerer: this.name };
  }

  async #fallback(question: string, passages: Passage[], reason: FallbackReason, options: AnswerOptions): Promise<LlmAnswer> {
    const answer = await this.#options.fallback.answer(question, passages, options);
    return { ...answer, answerer: this.#options.fallback.name, fallbackReason: reason };
  }
}
