import fc from 'fast-check';
import { anyString, anyValue, body, encodeLoosely, headers, method, nastyString, pathSegment, queryString, withDefault, type HeaderList } from './arbitraries.js';

export const SOURCE = 'china-un-peacekeeping-international-cooperation.md';
export const ADMIN_KEY = 'fuzz-admin-key-0123456789';

export interface FuzzRequest {
  method: string;
  path: string;
  query: string;
  headers: HeaderList;
  body: string | Uint8Array | FormData | undefined;
}

/** Mostly the route's own method, sometimes any other. */
const methodFor = (own: string) => fc.oneof({ weight: 4, arbitrary: fc.constant(own) }, { weight: 1, arbitrary: method });

/** Usually a value of the right type, sometimes anything. */
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.oneof({ weight: 6, arbitrary }, { weight: 1, arbitrary: anyValue });
/** A record whose `required` keys are usually present (so requests get past validation), sometimes any subset. */
function shape<T extends Record<string, unknown>>(fields: { [K in keyof T]: fc.Arbitrary<T[K]> }, required: (keyof T)[]) {
  return fc.oneof({ weight: 4, arbitrary: fc.record(fields, { requiredKeys: required }) }, { weight: 1, arbitrary: fc.record(fields, { requiredKeys: [] }) });
}

const offset = fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 0, max: 12_000 }) }, { weight: 1, arbitrary: fc.constantFrom(-1, 2 ** 31, 2 ** 53, -0, 0.5, 1e308) });
const span = shape({ source: maybe(fc.oneof({ weight: 3, arbitrary: fc.constant(SOURCE) }, { weight: 1, arbitrary: pathSegment })), start: maybe(offset), end: maybe(offset) }, ['source', 'start', 'end']);
const turn = shape({ role: maybe(fc.constantFrom('user', 'assistant', 'system', 'tool')), content: maybe(anyString) }, ['role', 'content']);

/** Text that passes validation (non-blank, short) but carries any Unicode. */
const text = nastyString.filter((value) => value.trim().length > 0);
const validTurn = fc.record({ role: fc.constantFrom('user', 'assistant'), content: nastyString });
const validSpan = fc.tuple(fc.nat(11_000), fc.nat(600)).map(([start, length]) => ({ source: SOURCE, start, end: start + length }));

/** Requests that pass validation, with any Unicode in their text: these reach retrieval, answering and verification. */
const valid = {
  ask: fc.record({ question: text, topK: fc.integer({ min: 1, max: 20 }), history: fc.array(validTurn, { maxLength: 6 }), stream: fc.boolean() }, { requiredKeys: ['question'] }),
  verify: fc.record({ claim: text, citations: fc.array(validSpan, { minLength: 1, maxLength: 5 }) }, { requiredKeys: ['claim'] }),
  feedback: fc.record({ id: text, rating: fc.constantFrom('up', 'down'), comment: nastyString, question: text, answer: nastyString, citations: fc.array(validSpan.map((span) => ({ ...span, n: 1 })), { maxLength: 3 }) }, { requiredKeys: ['id', 'rating', 'question', 'answer'] }),
  mcp: fc.oneof(
    fc.record({ query: text, k: fc.integer({ min: 1, max: 20 }) }).map((args) => ({ name: 'search_documents', arguments: args })),
    fc.record({ question: text, topK: fc.integer({ min: 1, max: 20 }), history: fc.array(validTurn, { maxLength: 3 }) }, { requiredKeys: ['question'] }).map((args) => ({ name: 'ask', arguments: args })),
    fc.record({ claim: text, citations: fc.array(validSpan, { minLength: 1, maxLength: 3 }) }, { requiredKeys: ['claim'] }).map((args) => ({ name: 'verify_claim', arguments: args })),
    fc.record({ source: fc.oneof(fc.constant(SOURCE), nastyString), start: fc.integer({ min: -1, max: 12_000 }), end: fc.integer({ min: -1, max: 12_000 }) }, { requiredKeys: ['source'] }).map((args) => ({ name: 'get_source', arguments: args })),
  ).chain((params) => fc.integer({ min: 1, max: 1000 }).map((id) => ({ jsonrpc: '2.0', id, method: 'tools/call', params }))),
  search: fc.tuple(text, fc.option(fc.integer({ min: 1, max: 20 }))).map(([q, k]) => `q=${encodeLoosely(q)}${k === null ? '' : `&k=${k}`}`),
  upload: fc.array(fc.tuple(fc.oneof(nastyString, fc.constant('x')).map((name) => `${name}.md`), anyString), { minLength: 1, maxLength: 2 }).map((files) => {
    const form = new FormData();
    for (const [name, content] of files) form.append('file', new Blob([content]), name);
    return form;
  }),
  chat: fc.record({ messages: fc.tuple(fc.array(validTurn, { maxLength: 4 }), text).map(([turns, question]) => [...turns, { role: 'user', content: question }]), stream: fc.boolean() }, { requiredKeys: ['messages'] }),
};

const fuzzy = {
  ask: shape({ question: maybe(anyString), topK: maybe(fc.integer({ min: -2, max: 25 })), history: maybe(fc.array(turn, { maxLength: 25 })), stream: maybe(fc.boolean()) }, ['question']),
  verify: shape({ claim: maybe(anyString), citations: maybe(fc.array(span, { minLength: 1, maxLength: 22 })) }, ['claim']),
  feedback: shape(
    {
      id: maybe(nastyString),
      rating: maybe(fc.constantFrom('up', 'down', 'sideways')),
      comment: maybe(anyString),
      question: maybe(anyString),
      answer: maybe(anyString),
      citations: maybe(fc.array(fc.tuple(span, fc.integer({ min: -1, max: 5 })).map(([s, n]) => ({ ...(s as object), n })), { maxLength: 5 })),
    },
    ['id', 'rating', 'question', 'answer'],
  ),
  chat: shape(
    {
      model: maybe(nastyString),
      messages: maybe(
        fc.array(
          shape(
            {
              role: maybe(fc.oneof({ weight: 3, arbitrary: fc.constant('user') }, { weight: 2, arbitrary: fc.constantFrom('system', 'developer', 'assistant', 'tool') })),
              content: fc.oneof({ weight: 5, arbitrary: anyString }, { weight: 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: anyValue }, { weight: 2, arbitrary: fc.array(shape({ type: maybe(fc.constantFrom('text', 'image_url')), text: maybe(anyString) }, ['type', 'text']), { maxLength: 4 }) }),
            },
            ['role', 'content'],
          ),
          { minLength: 1, maxLength: 8 },
        ),
      ),
      stream: maybe(fc.boolean()),
      temperature: anyValue,
    },
    ['messages'],
  ),
  mcp: fc.oneof(
    fc.record(
      {
        jsonrpc: maybe(fc.constant('2.0')),
        id: maybe(fc.oneof(fc.integer(), nastyString)),
        method: maybe(fc.constantFrom('initialize', 'tools/list', 'tools/call', 'ping', 'resources/list', 'prompts/list', 'notifications/initialized', 'logging/setLevel')),
        params: maybe(
          fc.record(
            {
              name: maybe(fc.constantFrom('search_documents', 'ask', 'verify_claim', 'get_source', 'nope')),
              arguments: maybe(fc.record({ query: anyValue, k: anyValue, question: anyValue, claim: anyValue, citations: anyValue, source: anyValue, start: anyValue, end: anyValue, history: anyValue, topK: anyValue }, { requiredKeys: [] })),
              protocolVersion: maybe(fc.constant('2025-06-18')),
              capabilities: anyValue,
              clientInfo: anyValue,
            },
            { requiredKeys: [] },
          ),
        ),
      },
      { requiredKeys: [] },
    ),
    fc.array(anyValue, { maxLength: 3 }),
  ),
};

const shapes = {
  ...fuzzy,
  ask: fc.oneof(valid.ask, fuzzy.ask),
  verify: fc.oneof(valid.verify, fuzzy.verify),
  feedback: fc.oneof(valid.feedback, fuzzy.feedback),
  mcp: fc.oneof(valid.mcp, fuzzy.mcp),
  chat: fc.oneof(valid.chat, fuzzy.chat),
};

/** The MCP transport wants both JSON and SSE in Accept; add it most of the time so requests get past it. */
const mcpHeaders = fc.tuple(headers, fc.boolean()).map(([list, accept]) => withDefault(accept ? withDefault(list, 'Accept', 'application/json, text/event-stream') : list, 'Content-Type', 'application/json'));

const jsonHeaders = headers.map((list) => withDefault(list, 'Content-Type', 'application/json'));

const request = (parts: { method: fc.Arbitrary<string>; path: fc.Arbitrary<string>; query?: fc.Arbitrary<string>; headers?: fc.Arbitrary<HeaderList>; body?: fc.Arbitrary<FuzzRequest['body']> }): fc.Arbitrary<FuzzRequest> =>
  fc.record({ method: parts.method, path: parts.path, query: parts.query ?? queryString([]), headers: parts.headers ?? headers, body: parts.body ?? body(anyValue) });

const multipart = fc.array(fc.tuple(fc.oneof(fc.constantFrom('file', 'files', ''), nastyString), fc.oneof(nastyString, fc.constantFrom('a.md', 'b.txt', '../x.md', '.md', 'x.exe', 'a/b.md', 'C:\\x.md')), fc.oneof(anyString, fc.uint8Array({ maxLength: 100 }))), { maxLength: 3 }).map((files) => {
  const form = new FormData();
  for (const [field, name, content] of files) form.append(field || 'file', new Blob([content]), name);
  return form;
});

const sourcePath = fc.array(pathSegment, { minLength: 0, maxLength: 4 }).map((segments) => segments.join('/'));

/** Each route group: the requests a client (or an attacker) could send it. */
export const ROUTES: Record<string, fc.Arbitrary<FuzzRequest>> = {
  'POST /api/ask': request({ method: methodFor('POST'), path: fc.constant('/api/ask'), headers: jsonHeaders, body: body(shapes.ask) }),
  'GET /api/search': request({ method: methodFor('GET'), path: fc.constant('/api/search'), query: fc.oneof(valid.search, queryString(['q', 'k'])) }),
  'POST /api/verify': request({ method: methodFor('POST'), path: fc.constant('/api/verify'), headers: jsonHeaders, body: body(shapes.verify) }),
  'GET /api/sources/*': request({ method: methodFor('GET'), path: fc.oneof(sourcePath, fc.constant(SOURCE)).map((source) => `/api/sources/${source}`), query: queryString(['format']) }),
  '/api/documents': request({
    method: fc.constantFrom('GET', 'POST', 'DELETE', 'PUT'),
    path: fc.oneof(fc.constant('/api/documents'), sourcePath.map((source) => `/api/documents/${source}`)),
    query: queryString(['replace']),
    headers: fc.tuple(headers, fc.boolean()).map(([list, admin]): HeaderList => (admin ? [...list.filter(([name]) => name !== 'Authorization'), ['Authorization', `Bearer ${ADMIN_KEY}`]] : list)),
    body: fc.oneof(valid.upload, multipart, body(anyValue)),
  }),
  'POST /api/feedback': request({ method: methodFor('POST'), path: fc.constant('/api/feedback'), headers: jsonHeaders, body: body(shapes.feedback) }),
  'GET /api/suggestions, /api/health, /v1/models, /metrics': request({ method: methodFor('GET'), path: fc.constantFrom('/api/suggestions', '/api/health', '/api/health/', '/v1/models', '/metrics'), query: queryString(['ready']) }),
  'POST /v1/chat/completions': request({ method: methodFor('POST'), path: fc.constant('/v1/chat/completions'), headers: jsonHeaders, body: body(shapes.chat) }),
  'POST /mcp': request({ method: methodFor('POST'), path: fc.constant('/mcp'), headers: mcpHeaders, body: body(shapes.mcp) }),
  'pages, docs and static files': request({
    method: methodFor('GET'),
    path: fc.oneof(
      fc.constantFrom('/', '/index.html', '/widget.js', '/favicon.svg', '/docs', '/docs/', '/docs/init.js', '/openapi.json', '/api', '/v1', '/api/', '//api/health', '/API/ASK'),
      pathSegment.map((segment) => `/docs/assets/${segment}`),
      sourcePath.map((path) => `/${path}`),
    ),
  }),
};
