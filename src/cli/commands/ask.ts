import { Command } from 'commander';

export const askCommand = new Command('ask')
  .description('Answer a question with citations')
  .argument('<question...>', 'the question')
  .option('-k, --top-k <n>', 'passages to retrieve', (value) => Number.parseInt(value, 10))
  .option('--json', 'print the API response object')
  .action(async (words: string[], options: { topK?: number; json?: boolean }) => {
    // Imported here: main.ts defines every command, and a command's code loads only when it runs.
    const { openFromCli } = await import('../open.js');
    const docent = await openFromCli({ verbose: !options.json });
    const response = await docent.ask(words.join(' '), { topK: options.topK });
    if (options.json) {
      console.log(JSON.stringify(response, null, 2));
      return;
    }
    console.log(`\n${response.answer}\n`);
    for (const citation of response.citations) {
      console.log(`[${citation.n}] ${citation.source}:${citation.start}-${citation.end}`);
      console.log(`    “${citation.quote}”`);
    }
    console.log(`\n(${response.timings.totalMs} ms)`);
  });
