// Sharing (M3.2c): exchange of threat information with partners. So far a STIX 2.1 bundle and
// pattern validator; importing, exporting, TAXII and MISP come later (issue 6).
// It stores nothing and makes no network calls.
export { checkStixPattern, type PatternCheck } from './stix/pattern.ts';
export { MAX_STIX_STRING_BYTES, validateStixBundle, type StixIssue, type StixIssueCode, type StixValidationReport } from './stix/validate.ts';
