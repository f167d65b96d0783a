// Preloaded into bench child processes: reports their peak resident set size when they exit.
const fs = require('node:fs');
process.on('exit', () => fs.writeSync(2, `\nBENCH_MAX_RSS_KB ${process.resourceUsage().maxRSS}\n`));
