import fc from 'fast-check';

/** Characters that break naive code: lone surrogates, NUL, controls, bidi marks, BOM, separators, combining marks. */
const NASTY = ['\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\u0000', '\u0001', '\u001B', '\u007F', '\u202E', '\u202D', '\u200F', '\u200E', '\u2066', '\uFEFF', '\u2028', '\u2029', '\u0301', '\u200D', '\uFFFE', '\uFFFF', '\r\n', '\t', '"', '\\', '%', '%00', '../', '..\\', '<script>', '${', '{{', '\u{1F600}', '\u{10FFFF}', 'İ', 'ß', 'ﬁ'];

const piece = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
  { weight: 3, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 1, arbitrary: fc.constantFrom('peacekeeping', 'China', 'Mongolia', '2009', 'When did', 'what', 'the') },
);

/** Short strings mixing ordinary text with every kind of troublesome Unicode. */
export const nastyString = fc.array(piece, { maxLength: 8 }).map((pieces) => pieces.join(''));

/** Mostly short strings, sometimes very long ones (over the question, turn and body limits). */
export const anyString = fc.oneof(
  { weight: 8, arbitrary: nastyString },
  { weight: 1, arbitrary: fc.tuple(nastyString, fc.constantFrom(2_001, 9_000, 70_000)).map(([text, length]) => (text || 'x').repeat(Math.ceil(length / Math.max(1, text.length))).slice(0, length)) },
);

/** Any JSON-ish value, including the troublesome strings and numbers JSON cannot say exactly. */
export const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: anyString },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, 0, -1, 1, 1.5, 2 ** 31, 2 ** 53, -(2 ** 53), 1e308, [], {}) },
);

/**
 * Percent-encodes like encodeURIComponent but never throws: a lone surrogate becomes the bytes of its
 * UTF-8-like encoding (invalid UTF-8 on the wire), which a server must refuse rather than crash on.
 */
export function encodeLoosely(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code >= 0xd800 && code <= 0xdfff) out += `%${(0xe0 | (code >> 12)).toString(16)}%${(0x80 | ((code >> 6) & 0x3f)).toString(16)}%${(0x80 | (code & 0x3f)).toString(16)}`.toUpperCase();
    else out += encodeURIComponent(char);
  }
  return out;
}

/** A path segment: loosely encoded, raw (the URL parser encodes it), or malformed percent escapes. */
export const pathSegment = fc.oneof(
  nastyString.map(encodeLoosely),
  nastyString.map((text) => text.replace(/[?#]/g, '')),
  fc.constantFrom('%', '%zz', '%C0%AF', '%2e%2e%2f', '..%2F..%2Fetc%2Fpasswd', '%E0%A4%A', '%FF', '%2F', 'a%00b', '..', '.', '%5C..%5C', '/etc/passwd', 'C:%5Cwindows'),
);

/** A query string of random keys (sometimes the route's own) and values, sometimes malformed. */
export function queryString(keys: string[]) {
  const key = fc.oneof(fc.constantFrom(...keys, 'format', 'callback', '__proto__', 'constructor'), nastyString);
  const value = fc.oneof(anyString, fc.constantFrom('', '0', '-1', '20', '21', '1e3', 'NaN', 'Infinity', '0x10', 'text', 'original', '%', '%zz'));
  return fc.oneof(
    fc.array(fc.tuple(key, value), { maxLength: 4 }).map((pairs) => pairs.map(([k, v]) => `${encodeLoosely(k)}=${encodeLoosely(v)}`).join('&')),
    fc.constantFrom('', '&&&', '=', 'q', 'q=', 'q=%', 'q=%E0%A4%A', 'q=a&q=b&q=c', 'k=1&k=2', '%=%', 'q=' + 'a'.repeat(5000)),
  );
}

export const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'PROPFIND', 'X-CUSTOM'] as const;
export const method = fc.constantFrom(...METHODS);

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=latin1',
  'text/plain',
  'text/event-stream',
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'multipart/form-data; boundary=x',
  'application/octet-stream',
  'application/json-seq',
  '*/*',
  'garbage',
  '',
];

/** Valid header values only (a Request cannot carry CR, LF or NUL, nor characters beyond Latin-1). */
const headerText = fc.string({ unit: 'binary-ascii', maxLength: 40 }).map((text) => text.replace(/[\0\r\n]/g, ' ').trim());

const headerEntry = fc.oneof(
  fc.tuple(fc.constant('Content-Type'), fc.oneof(fc.constantFrom(...CONTENT_TYPES), headerText)),
  fc.tuple(fc.constant('Accept'), fc.oneof(fc.constantFrom('application/json', 'text/event-stream', 'application/json, text/event-stream', 'text/html', '*/*', ''), headerText)),
  fc.tuple(fc.constant('Authorization'), fc.oneof(fc.constantFrom('Bearer ', 'Bearer', 'Basic Zm9vOmJhcg==', 'bearer x'), headerText.map((text) => `Bearer ${text}`))),
  fc.tuple(fc.constant('Origin'), fc.oneof(fc.constantFrom('null', 'http://localhost', 'https://evil.test', 'http://127.0.0.1:8787', ''), headerText)),
  fc.tuple(fc.constant('X-Forwarded-For'), fc.oneof(fc.constantFrom('1.2.3.4', '::1', 'unknown', '1.1.1.1, 2.2.2.2'), headerText)),
  fc.tuple(fc.constant('X-Request-Id'), headerText),
  fc.tuple(fc.constant('Accept-Encoding'), fc.constantFrom('gzip', 'br', 'identity', '*', 'bogus')),
  fc.tuple(fc.constant('Range'), fc.constantFrom('bytes=0-10', 'bytes=-1', 'bytes=999999999-', 'lines=1-2')),
  fc.tuple(fc.constant('If-None-Match'), headerText),
  fc.tuple(fc.constant('Last-Event-ID'), headerText),
  fc.tuple(fc.constantFrom('Mcp-Session-Id', 'Mcp-Protocol-Version'), fc.oneof(fc.constantFrom('2025-06-18', '2024-11-05', '1999-01-01'), headerText)),
  fc.tuple(fc.constantFrom('Access-Control-Request-Method', 'Access-Control-Request-Headers'), headerText),
  fc.tuple(fc.constant('Cookie'), headerText),
  fc.tuple(fc.constant('Host'), fc.constantFrom('localhost', '127.0.0.1:8787', '[::1]', 'rebind.attacker.test', 'localhost.', 'LOCALHOST:1')),
  fc.tuple(fc.stringMatching(/^X-[A-Za-z0-9-]{1,20}$/), headerText),
);

/** Headers that do not decide whether a request is let in: most requests carry only these, so they reach the handlers. */
const benignEntry = fc.oneof(
  fc.tuple(fc.constant('X-Request-Id'), headerText),
  fc.tuple(fc.constant('Accept-Encoding'), fc.constantFrom('gzip', 'br', 'identity', '*', 'bogus')),
  fc.tuple(fc.constant('Last-Event-ID'), headerText),
  fc.tuple(fc.constant('Cookie'), headerText),
  fc.tuple(fc.stringMatching(/^X-[A-Za-z0-9-]{1,20}$/), headerText),
);

export const headers = fc.oneof({ weight: 3, arbitrary: fc.array(benignEntry, { maxLength: 2 }) }, { weight: 1, arbitrary: fc.array(headerEntry, { maxLength: 5 }) }).map((entries) =>
  entries.filter(([name, value]) => {
    try {
      return new Headers([[name, value]]) !== undefined;
    } catch {
      // A value the Fetch API cannot send: a client could not send it either.
      return false;
    }
  }),
);

export type HeaderList = [string, string][];

/** `list` with `name: value` added unless it already has that header. */
export const withDefault = (list: HeaderList, name: string, value: string): HeaderList => (list.some(([key]) => key.toLowerCase() === name.toLowerCase()) ? list : [...list, [name, value]]);

/** A request body: route-shaped JSON, arbitrary JSON, malformed JSON, text, or raw bytes. */
export function body(shaped: fc.Arbitrary<unknown>): fc.Arbitrary<string | Uint8Array | undefined> {
  return fc.oneof(
    { weight: 10, arbitrary: shaped.map((value) => JSON.stringify(value)) },
    { weight: 2, arbitrary: anyValue.map((value) => JSON.stringify(value) ?? 'undefined') },
    { weight: 1, arbitrary: shaped.map((value) => (JSON.stringify(value) ?? '').slice(0, -1)) },
    { weight: 1, arbitrary: fc.constantFrom('', '{', '}', 'null', '[]', '{"a":1}{"b":2}', '\uFEFF{}', '{"question":"\\ud800"}', '{"__proto__":{"x":1}}', '['.repeat(5000) + ']'.repeat(5000), '{"a":' + '1'.repeat(400) + '}') },
    { weight: 1, arbitrary: anyString },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }) },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
}
