import type { AskResult } from './protocol.js';

/**
 * Conversations kept in the browser's localStorage (per origin: the widget on a host site keeps its
 * own, under its own prefix). Nothing is stored on the server. When storage is full, the oldest
 * conversations make room; when it is unavailable (blocked, private mode), they live in memory.
 */

export type StoredResult = Pick<AskResult, 'answer' | 'answerable' | 'citations' | 'standaloneQuestion' | 'verification' | 'answerer' | 'shortAnswer' | 'questionType'>;

export interface StoredTurn {
  /** Also the id feedback on this answer is sent with; a regenerated answer gets a new one. */
  id: string;
  question: string;
  result?: StoredResult;
  /** Why there is no result. */
  error?: string;
  /** The user stopped the answer. */
  stopped?: boolean;
  feedback?: { rating: 'up' | 'down'; comment?: string };
}

export interface Conversation {
  id: string;
  title: string;
  updatedAt: number;
  turns: StoredTurn[];
}

export type ConversationSummary = Pick<Conversation, 'id' | 'title' | 'updatedAt'>;

export const MAX_CONVERSATIONS = 100;

export function storedResult({ answer, answerable, citations, standaloneQuestion, verification, answerer, shortAnswer, questionType }: AskResult): StoredResult {
  return { answer, answerable, citations, standaloneQuestion, verification, answerer, shortAnswer, questionType };
}

function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    key: (index) => [...items.keys()][index] ?? null,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, String(value)),
    removeItem: (key) => void items.delete(key),
    clear: () => items.clear(),
  };
}

/** localStorage when it works (reading it throws in some sandboxes), else memory. */
export function browserStorage(): Storage {
  try {
    const probe = '__docent_probe__';
    localStorage.setItem(probe, probe);
    localStorage.removeItem(probe);
    return localStorage;
  } catch {
    return memoryStorage();
  }
}

export class ConversationStore {
  constructor(
    private readonly storage: Storage,
    private readonly prefix: string,
  ) {}

  #read<T>(key: string): T | undefined {
    try {
      const text = this.storage.getItem(this.prefix + key);
      return text === null ? undefined : (JSON.parse(text) as T);
    } catch {
      return undefined;
    }
  }

  /** Newest first. */
  list(): ConversationSummary[] {
    const list = this.#read<ConversationSummary[]>('list');
    return Array.isArray(list) ? list : [];
  }

  get(id: string): Conversation | undefined {
    const conversation = this.#read<Conversation>(`c:${id}`);
    return conversation && Array.isArray(conversation.turns) ? conversation : undefined;
  }

  /** Saves and moves to the top of the list; false when even dropping every other conversation cannot make room. */
  save(conversation: Conversation): boolean {
    const summary = { id: conversation.id, title: conversation.title, updatedAt: conversation.updatedAt };
    const others = this.list().filter((item) => item.id !== conversation.id);
    for (;;) {
      const list = [summary, ...others].slice(0, MAX_CONVERSATIONS);
      try {
        this.storage.setItem(`${this.prefix}c:${conversation.id}`, JSON.stringify(conversation));
        this.storage.setItem(`${this.prefix}list`, JSON.stringify(list));
        for (const dropped of others.slice(MAX_CONVERSATIONS - 1)) this.storage.removeItem(`${this.prefix}c:${dropped.id}`);
        return true;
      } catch {
        const oldest = others.pop();
        if (!oldest) return false;
        this.storage.removeItem(`${this.prefix}c:${oldest.id}`);
      }
    }
  }

  remove(id: string) {
    this.storage.removeItem(`${this.prefix}c:${id}`);
    this.#write('list', this.list().filter((item) => item.id !== id));
    if (this.openId === id) this.openId = undefined;
  }

  clear() {
    for (const { id } of this.list()) this.storage.removeItem(`${this.prefix}c:${id}`);
    this.storage.removeItem(`${this.prefix}list`);
    this.openId = undefined;
  }

  /** The conversation open in the chat, restored on reload. */
  get openId(): string | undefined {
    return this.#read<string>('open');
  }

  set openId(id: string | undefined) {
    if (id === undefined) this.storage.removeItem(`${this.prefix}open`);
    else this.#write('open', id);
  }

  #write(key: string, value: unknown) {
    try {
      this.storage.setItem(this.prefix + key, JSON.stringify(value));
    } catch {
      // Full: the list and the open id are tiny; the next save makes room.
    }
  }
}
