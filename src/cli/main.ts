import { Command } from 'commander';
import { askCommand } from './commands/ask.js';
import { buildModelCommand } from './commands/build-model.js';
import { evalCommand } from './commands/eval.js';
import { indexCommand } from './commands/index-command.js';
import { mcpCommand } from './commands/mcp.js';
import { serveCommand } from './commands/serve.js';

const program = new Command('docent')
  .description('Answers questions about your documents, with citations to exact characters')
  .addCommand(serveCommand)
  .addCommand(indexCommand)
  .addCommand(askCommand)
  .addCommand(evalCommand)
  .addCommand(mcpCommand)
  .addCommand(buildModelCommand);

program.parseAsync().catch((error: unknown) => {
  // Failures (bad configuration, a missing model, a foreign index) read as one clear line; DEBUG=1 shows the stack.
  console.error(process.env.DEBUG ? error : `docent: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
