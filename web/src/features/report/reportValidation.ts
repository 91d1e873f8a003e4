// Checks a draft in the browser with the server's own schema (PublicReportInput) plus the rules
// the schema cannot see (contact for 相談, consent), and maps the server's field errors onto the
// same field keys: a key is the body path without `body.` or array indexes ('details.fraud.amountYen').
import type { z } from 'zod';
import { PublicReportInput } from '../../../../src/modules/intake/intake.contract.ts';
import type { ApiError } from '../../app/api.ts';
import type { Translate } from '../../i18n/i18n.tsx';
import { buildReportCandidate, contactNeedOf, hasContactDetails, type ReportCandidate, type ReportDraft } from './reportDraft.ts';

export type FieldProblem =
  | { code: 'required' }
  | { code: 'too_long'; max: number }
  | { code: 'too_many'; max: number }
  | { code: 'invalid' }
  | { code: 'invalid_email' }
  | { code: 'amount' }
  | { code: 'phone_or_email' }
  | { code: 'consent' };

/** Field key → message, already in the UI language. */
export type FieldErrors = Readonly<Record<string, string>>;

export type ReportValidation = { ok: true; body: z.output<typeof PublicReportInput> } | { ok: false; problems: Readonly<Record<string, FieldProblem>> };

export function fieldKeyOf(path: readonly PropertyKey[]): string {
  return path.filter((part): part is string => typeof part === 'string' && !/^\d+$/.test(part)).join('.');
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const part of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = Reflect.get(value, part);
  }
  return value;
}

function problemOf(issue: z.core.$ZodIssue, value: unknown): FieldProblem {
  switch (issue.code) {
    case 'too_small':
      return value === undefined || (issue.origin === 'string' && Number(issue.minimum) === 1) ? { code: 'required' } : { code: 'invalid' };
    case 'too_big':
      if (issue.origin === 'string') return { code: 'too_long', max: Number(issue.maximum) };
      if (issue.origin === 'array') return { code: 'too_many', max: Number(issue.maximum) };
      return { code: 'invalid' };
    case 'invalid_format':
      return issue.format === 'email' ? { code: 'invalid_email' } : { code: 'invalid' };
    case 'invalid_type':
    case 'invalid_value':
      return value === undefined ? { code: 'required' } : { code: 'invalid' };
    case 'custom':
    case 'invalid_element':
    case 'invalid_key':
    case 'invalid_union':
    case 'not_multiple_of':
    case 'unrecognized_keys':
      return { code: 'invalid' };
  }
}

function schemaProblems(issues: readonly z.core.$ZodIssue[], candidate: ReportCandidate): Record<string, FieldProblem> {
  const problems: Record<string, FieldProblem> = {};
  for (const issue of issues) problems[fieldKeyOf(issue.path)] ??= problemOf(issue, valueAt(candidate, issue.path));
  return problems;
}

export function validateReport(draft: ReportDraft): ReportValidation {
  const candidate = buildReportCandidate(draft);
  const parsed = PublicReportInput.safeParse(candidate);
  const problems: Record<string, FieldProblem> = parsed.success ? {} : schemaProblems(parsed.error.issues, candidate);
  if (Number.isNaN(candidate.details?.fraud?.amountYen)) problems['details.fraud.amountYen'] = { code: 'amount' };
  const need = contactNeedOf(draft.kind);
  if (need === 'required') {
    if (draft.contact.name.trim() === '') problems['contact.name'] ??= { code: 'required' };
    if (draft.contact.phone.trim() === '' && draft.contact.email.trim() === '') problems['contact.phone'] ??= { code: 'phone_or_email' };
  }
  if (need !== 'none' && hasContactDetails(draft) && !draft.consent) problems.consent = { code: 'consent' };
  if (!parsed.success || Object.keys(problems).length > 0) return { ok: false, problems };
  return { ok: true, body: parsed.data };
}

export function describeProblem(t: Translate, problem: FieldProblem): string {
  switch (problem.code) {
    case 'required':
      return t('report.validation.required');
    case 'too_long':
      return t('report.validation.too_long', { max: problem.max });
    case 'too_many':
      return t('report.validation.too_many', { max: problem.max });
    case 'invalid':
      return t('report.validation.invalid');
    case 'invalid_email':
      return t('report.validation.invalid_email');
    case 'amount':
      return t('report.validation.amount');
    case 'phone_or_email':
      return t('report.validation.phone_or_email');
    case 'consent':
      return t('report.validation.consent');
  }
}

export function describeProblems(t: Translate, problems: Readonly<Record<string, FieldProblem>>): FieldErrors {
  return Object.fromEntries(Object.entries(problems).map(([key, problem]) => [key, describeProblem(t, problem)]));
}

/** Field errors in a server answer (messages already in the requested language); {} if none. */
export function fieldErrorsFromApi(error: ApiError): FieldErrors {
  switch (error.code) {
    case 'request.invalid':
      return issueMessages(error.details.issues);
    case 'intake.contact_required':
      return { 'contact.name': error.message };
    case 'intake.consent_required':
      return { consent: error.message };
    case 'intake.invalid_subcategory':
      return { subcategory: error.message };
    case 'intake.unknown_station':
      return { stationUnitId: error.message };
    default:
      return {};
  }
}

function issueMessages(issues: unknown): FieldErrors {
  if (!Array.isArray(issues)) return {};
  const result: Record<string, string> = {};
  for (const issue of issues) {
    const path: unknown = typeof issue === 'object' && issue !== null ? Reflect.get(issue, 'path') : undefined;
    const message: unknown = typeof issue === 'object' && issue !== null ? Reflect.get(issue, 'message') : undefined;
    if (typeof path !== 'string' || typeof message !== 'string') continue;
    const key = fieldKeyOf(path.split('.').slice(1));
    result[key] ??= message;
  }
  return result;
}
