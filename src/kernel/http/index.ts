export { createApp, isSecureRequest, sessionCookieOptions, type App, type AppOptions } from './app.ts';
export { errorBody, type ErrorBody } from './error-handler.ts';
export { CSRF_HEADER, LOCALE_COOKIE, SESSION_COOKIE } from './types.ts';
export { requireAuth } from './request-auth.ts';
export { parseInput } from './parse-input.ts';
