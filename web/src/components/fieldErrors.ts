// Maps a 400 request.invalid answer to messages per field (details.issues[].path = 'body.field').
import type { ApiError } from '../app/api.ts';

export type FieldErrors = Readonly<Record<string, string>>;

export function fieldErrorsOf(error: ApiError | null): FieldErrors {
  if (!error || error.code !== 'request.invalid') return {};
  const issues = error.details.issues;
  if (!Array.isArray(issues)) return {};
  const result: Record<string, string> = {};
  for (const issue of issues) {
    if (typeof issue !== 'object' || issue === null) continue;
    const path: unknown = Reflect.get(issue, 'path');
    const message: unknown = Reflect.get(issue, 'message');
    if (typeof path !== 'string' || typeof message !== 'string') continue;
    const field = path.split('.')[1];
    if (field && !(field in result)) result[field] = message;
  }
  return result;
}
