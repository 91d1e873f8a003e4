// One error type with stable codes. Each module declares its codes with their HTTP status;
// messages come from the ja/en catalogues in kernel/i18n.
export type ErrorDetails = Record<string, unknown>;

const statusByCode = new Map<string, number>();

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: string,
    readonly details: ErrorDetails = {},
    options: { cause?: unknown } = {},
  ) {
    super(code, options);
    this.name = 'AppError';
    this.status = statusByCode.get(code) ?? 500;
  }
}

/** Registers `<prefix>.<name>` codes with their HTTP status and returns a typed code list. */
export function defineErrors<const T extends Record<string, number>>(prefix: string, statuses: T): { [K in keyof T]: string } {
  const codes = {} as { [K in keyof T]: string };
  for (const [name, status] of Object.entries(statuses)) {
    const code = `${prefix}.${name}`;
    statusByCode.set(code, status);
    (codes as Record<string, string>)[name] = code;
  }
  return codes;
}

export function registeredErrorCodes(): string[] {
  return [...statusByCode.keys()];
}

export const kernelErrors = defineErrors('request', {
  invalid: 400,
  malformed_json: 400,
  too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  not_found: 404,
  csrf_failed: 403,
  internal: 500,
});

export const accessErrors = defineErrors('auth', {
  required: 401,
  forbidden: 403,
  session_expired: 401,
  stage_incomplete: 403,
  invalid_token: 401,
});
