export { nextSequenceValue, tokyoMonth, tokyoMonthStart, tokyoYear } from './sequence.ts';
export { tokyoMonthOf } from './tokyo-month-sql.ts';
export { indexDocument, queryTerms, searchDocuments, snippetOf, type SearchDocument, type SearchHit } from './fulltext.ts';
export { createDatabase, openPostgres, openSqlite, type Database, type DialectName, type Executor } from './database.ts';
export { isUniqueViolation, lockForChainAppend } from './dialect.ts';
export { migrateToLatest } from './migrate.ts';
export type * from './schema.ts';
export { reusableQuery } from './reusable-query.ts';
export { createMonthlyStats, medianOfSorted, mergeSorted, wholeMonths, type MonthRange } from './monthly-stats.ts';
