import helmet, { type HelmetOptions } from 'helmet';
import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';

/** helmet's options: a CSP under which Swagger UI renders (it loads its own files). */
export const HELMET_OPTIONS: HelmetOptions = {
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      frameAncestors: ["'none'"],
      // Swagger UI is also served over plain http (localhost, docker compose).
      upgradeInsecureRequests: null,
    },
  },
};

/**
 * The security headers helmet sets for `options`, computed once. They depend on nothing of the
 * request (no nonces, no per-route options), so every response gets the same object; building
 * helmet's middleware per request, as `@fastify/helmet` does, parsed the CSP directives on
 * every request (ADR 0024, "The request pipeline"). Fails at start-up if helmet ever wanted
 * more of the response than setting and removing headers.
 */
export function securityHeaders(options: HelmetOptions = HELMET_OPTIONS): Record<string, string> {
  // A response that is never sent: helmet sets and removes headers on it, nothing more.
  const request = new IncomingMessage(new Socket());
  const response = new ServerResponse(request);
  let called = false;
  helmet(options)(request, response, (error?: unknown) => {
    if (error instanceof Error) throw error;
    if (error) throw new Error(`helmet failed: ${JSON.stringify(error)}`);
    called = true;
  });
  if (!called) throw new Error('helmet did not finish synchronously');
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.getHeaders())) headers[name] = String(value);
  return headers;
}
