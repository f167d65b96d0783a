import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';
import { timedOut } from './deadline.js';

export type ErrorCode = 'invalid_request' | 'invalid_json' | 'payload_too_large' | 'not_found' | 'forbidden_origin' | 'internal_error' | string;

/** An error whose message is safe to show to the client. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function errorResponse(c: Context, status: ContentfulStatusCode, code: ErrorCode, message: string) {
  return c.json({ error: { code, message } }, status);
}

export function describeZodError(error: ZodError): string {
  return error.issues.map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message)).join('; ');
}

/** The default hook of every validated route: a 400 naming each invalid field. */
export function validationHook(result: { success: true } | { success: false; error: ZodError }, c: Context) {
  if (!result.success) return errorResponse(c, 400, 'invalid_request', describeZodError(result.error));
  return undefined;
}

/** 503 with `Retry-After`: the server is overloaded or out of time; the same request may succeed shortly. */
export function busy(c: Context, message: string) {
  const response = errorResponse(c, 503, 'busy', message);
  response.headers.set('Retry-After', '1');
  return response;
}

/** Turns anything thrown by a handler into a JSON error; details of unexpected errors stay in the server log. */
export function handleError(error: Error, c: Context) {
  if (error instanceof ApiError) return errorResponse(c, error.status, error.code, error.message);
  if (error instanceof HTTPException) {
    const malformedJson = error.status === 400 && /json/i.test(error.message);
    return errorResponse(c, error.status as ContentfulStatusCode, malformedJson ? 'invalid_json' : 'invalid_request', malformedJson ? 'Request body is not valid JSON' : error.message);
  }
  if (timedOut(c)) return busy(c, 'The request took longer than REQUEST_TIMEOUT_MS allows');
  // The client went away: nobody reads this, and it is not a server error worth logging.
  if (c.req.raw.signal.aborted) return errorResponse(c, 400, 'client_closed', 'The client closed the request');
  console.error(`[docent] ${c.req.method} ${c.req.path} failed:`, error);
  return errorResponse(c, 500, 'internal_error', 'Internal server error');
}
