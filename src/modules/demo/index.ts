// Demo data (`koban seed demo`, KOBAN_DEMO=1): a fictitious prefecture's year of reports, cases and
// shared criminal infrastructure, for training, screenshots and trying the product. Generators are
// small files (people, infrastructure, reports, cases) that later areas can add to. It never writes
// into an instance that already holds work unless forced, and never uses real people's data.
export { demoErrors } from './demo.errors.ts';
export { seedDemo, type DemoOptions, type DemoServices, type DemoSummary } from './demo.seed.ts';
export { countExistingWork } from './demo.repository.ts';
export { DEMO_YEAR_START, DEMO_YEAR_END } from './demo.timeline.ts';
// The generators themselves, for benchmarks that build larger datasets with the same proportions.
export { createRandom, type Random } from './demo.random.ts';
export { drawInfrastructure, pickShared, type Infrastructure } from './demo.infrastructure.ts';
export { draftReport, type DraftReport } from './demo.reports.ts';
export { fictitiousName } from './demo.people.ts';
