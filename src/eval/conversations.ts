import fs from 'node:fs/promises';
import { z } from 'zod';
import type { ChatTurn } from '../retrieve/follow-up.js';
import type { AskResult, Docent } from '../service.js';

/**
 * Multi-turn conversations (tests/eval/conversations*.jsonl): each turn is asked with the
 * conversation so far as history. A follow-up must be answered correctly; a turn that switches to
 * a new topic must be answered exactly as if it had been asked first.
 */

const turnSchema = z.object({
  question: z.string().min(1),
  /** `first` opens the conversation, `follow-up` depends on it, `switch` stands alone (a new topic or a self-contained question). */
  kind: z.enum(['first', 'follow-up', 'switch']),
  answerable: z.boolean(),
  /** Every string must appear in the answer (corpus format)… */
  must_contain: z.array(z.string()).optional(),
  /** …or any one of them (SQuAD format). */
  answers: z.array(z.string()).optional(),
});

const conversationSchema = z.object({ id: z.string(), turns: z.array(turnSchema).min(1) });

export type ConversationTurn = z.infer<typeof turnSchema>;
export type Conversation = z.infer<typeof conversationSchema>;

export interface TurnResult {
  conversation: string;
  turn: ConversationTurn;
  response: AskResult;
  correct: boolean;
  /** For `switch` turns: whether the answer is the one the question gets when asked alone. */
  asAlone?: boolean;
}

export interface ConversationMetrics {
  conversations: number;
  turns: number;
  turnAccuracy: number | null;
  followUps: number;
  followUpAccuracy: number | null;
  switches: number;
  switchAsAlone: number | null;
  switchAccuracy: number | null;
}

export interface ConversationReport {
  file: string;
  metrics: ConversationMetrics;
  results: TurnResult[];
  failures: string[];
}

/** Whether a JSONL file holds conversations (records with `turns`) rather than single questions. */
export async function isConversationFile(file: string): Promise<boolean> {
  const first = (await fs.readFile(file, 'utf8')).split('\n').find((line) => line.trim() !== '');
  return first !== undefined && Array.isArray((JSON.parse(first) as { turns?: unknown }).turns);
}

export async function loadConversations(file: string): Promise<Conversation[]> {
  return (await fs.readFile(file, 'utf8'))
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      const parsed = conversationSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${file}:${i + 1}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
      return parsed.data;
    });
}

const includes = (text: string, part: string) => text.toLowerCase().includes(part.toLowerCase());

export function isTurnCorrect(turn: ConversationTurn, response: AskResult): boolean {
  if (!turn.answerable) return !response.answerable;
  if (!response.answerable) return false;
  if (turn.must_contain) return turn.must_contain.every((part) => includes(response.answer, part));
  return (turn.answers ?? []).some((part) => includes(response.answer, part));
}

const mean = (values: boolean[]) => (values.length === 0 ? null : values.filter(Boolean).length / values.length);

export async function evaluateConversations(docent: Docent, file: string, onProgress?: (done: number, total: number) => void): Promise<ConversationReport> {
  const conversations = await loadConversations(file);
  await docent.warmUp();
  const results: TurnResult[] = [];
  for (const conversation of conversations) {
    const history: ChatTurn[] = [];
    for (const turn of conversation.turns) {
      const response = await docent.ask(turn.question, { history: [...history] });
      const result: TurnResult = { conversation: conversation.id, turn, response, correct: isTurnCorrect(turn, response) };
      if (turn.kind === 'switch') {
        const alone = await docent.ask(turn.question);
        result.asAlone = alone.answerable === response.answerable && alone.answer === response.answer;
      }
      results.push(result);
      history.push({ role: 'user', content: turn.question }, { role: 'assistant', content: response.answer });
    }
    onProgress?.(results.length, conversations.reduce((sum, c) => sum + c.turns.length, 0));
  }
  const of = (kind: ConversationTurn['kind']) => results.filter((result) => result.turn.kind === kind);
  const metrics: ConversationMetrics = {
    conversations: conversations.length,
    turns: results.length,
    turnAccuracy: mean(results.map((result) => result.correct)),
    followUps: of('follow-up').length,
    followUpAccuracy: mean(of('follow-up').map((result) => result.correct)),
    switches: of('switch').length,
    switchAsAlone: mean(of('switch').map((result) => result.asAlone === true)),
    switchAccuracy: mean(of('switch').map((result) => result.correct)),
  };
  const failures = results
    .filter((result) => !result.correct || result.asAlone === false)
    .map((result) => `✗ ${result.conversation} [${result.turn.kind}${result.asAlone === false ? ', not as alone' : ''}] ${result.turn.question}\n      searched: ${result.response.standaloneQuestion}\n      → ${result.response.answer.slice(0, 160)}`);
  return { file, metrics, results, failures };
}
