import { mountChat } from './core.js';

/** The chat page (`GET /`): the chat core, full page, talking to its own origin. */
const chat = mountChat(document.getElementById('app')!, {
  baseUrl: '',
  title: 'Docent',
  heading: 'h1',
  intro: 'Ask a question about the documents.',
});
chat.focus();
