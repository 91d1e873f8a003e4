// CSV files of indicators ↔ STIX 2.1 (M3.2c): Koban imports CSV through its one STIX pipeline and
// exports indicators to spreadsheets. Pure converters: no database, no network; reading and
// writing files, bundling and storing are the callers' business.
export { createCsvParser, decodeCsvBytes, parseCsv, MAX_CSV_COLUMNS, MAX_CSV_ROW_BYTES, type CsvDelimiter, type CsvParser } from './parse.ts';
export { csvErrors } from './csv.errors.ts';
export { ColumnRefSchema, CsvMappingSchema, guessCsvMapping, type ColumnRef, type CsvMapping } from './mapping.ts';
export { csvRowsToStix, type CsvRecord, type CsvRowResult, type CsvToStixOptions } from './to-stix.ts';
export { CSV_PROBLEM_CODES, type CsvProblem, type CsvProblemCode } from './row-reader.ts';
export { CSV_EXPORT_HEADER, formatCsvRow, stixToCsvRows } from './from-stix.ts';
