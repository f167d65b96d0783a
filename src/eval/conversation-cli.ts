import path from 'node:path';
import type { Docent } from '../service.js';
import { evaluateConversations, isConversationFile } from './conversations.js';

export { isConversationFile };

const fmt = (value: number | null) => (value === null ? 'n/a' : value.toFixed(3));

/** `npm run eval -- --file conversations.jsonl`: turn accuracy, follow-ups, and whether topic switches are answered as if asked first. */
export async function conversationSet(docent: Docent, file: string, options: { json?: boolean; failures?: boolean }): Promise<void> {
  const report = await evaluateConversations(docent, file);
  if (options.json) {
    console.log(JSON.stringify({ file: report.file, metrics: report.metrics, ...(options.failures ? { failures: report.failures } : {}) }, null, 2));
    return;
  }
  const m = report.metrics;
  console.log(
    [
      `${path.relative(process.cwd(), file) || file} — ${m.conversations} conversations, ${m.turns} turns`,
      `  turn accuracy      ${fmt(m.turnAccuracy).padStart(8)}`,
      `  follow-ups         ${fmt(m.followUpAccuracy).padStart(8)}  (${m.followUps})`,
      `  switches as alone  ${fmt(m.switchAsAlone).padStart(8)}  (${m.switches})`,
      `  switch accuracy    ${fmt(m.switchAccuracy).padStart(8)}`,
    ].join('\n'),
  );
  if (options.failures) console.log(report.failures.map((line) => `  ${line}`).join('\n') || '  no failures');
}
