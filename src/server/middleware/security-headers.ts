import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { normalizeOrigin } from './cross-origin.js';

/**
 * Response headers of every answer (`hono/secure-headers`): a Content-Security-Policy that allows no
 * inline script (pages load their scripts from this server only), `nosniff`, a referrer policy that
 * sends no path to other sites, and `frame-ancestors` that lets only this server and ALLOWED_ORIGINS
 * frame the pages (the chat page cannot be framed by other sites for clickjacking).
 * `widget.js` must stay loadable by other sites, so no Cross-Origin-Resource-Policy is set here.
 */
export function securityHeaders(allowedOrigins: readonly string[]): MiddlewareHandler {
  const framers = allowedOrigins.includes('*') ? ['*'] : ["'self'", ...allowedOrigins.map(normalizeOrigin)];
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      // Swagger UI and the widget set style attributes and <style> elements; styles cannot run code.
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: framers,
    },
    xFrameOptions: false,
    referrerPolicy: 'strict-origin-when-cross-origin',
    xContentTypeOptions: 'nosniff',
    crossOriginResourcePolicy: false,
    crossOriginEmbedderPolicy: false,
    crossOriginOpenerPolicy: 'same-origin',
    strictTransportSecurity: false,
    // A handler's own stricter policy (the sandboxed original files) is kept.
    overwrite: false,
  });
}
