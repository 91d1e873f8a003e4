// What a MISP import could not take, with a stable code. `detail` is for logs; `message` comes
// from the server catalogues and is filled only when the caller names a locale.
import { t, type Locale } from '#kernel/i18n/index.ts';

export type MispProblemCode = 'misp.not_event' | 'misp.unsupported_attribute' | 'misp.invalid_attribute' | 'misp.invalid_value';

export type MispProblem = { path: string; code: MispProblemCode; detail: string; message?: string };

const SHOWN_CHARS = 120;

/** A value as it appears in a problem: long or non-string input shortened so a 10 MB value does not travel on. */
export function shownValue(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return text.length > SHOWN_CHARS ? `${text.slice(0, SHOWN_CHARS)}…` : text;
}

export class MispProblemList {
  readonly items: MispProblem[] = [];
  constructor(private readonly locale: Locale | undefined) {}

  add(path: string, code: MispProblemCode, detail: string, params: { type?: string; value?: unknown } = {}): void {
    const problem: MispProblem = { path, code, detail };
    if (this.locale) problem.message = t(this.locale, code, { path, type: params.type ?? '', value: shownValue(params.value ?? '') });
    this.items.push(problem);
  }
}
