// Statistics (M2.1, M3.2; the stats module to come grows it): monthly counts over Japanese months,
// hand-off times, as JSON and as CSV. Aggregates only: no case or report is named.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Clock } from '#kernel/clock.ts';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { tokyoMonthStart } from '#kernel/db/index.ts';
import { AppError, kernelErrors } from '#kernel/errors.ts';
import type { CasesService } from '#modules/cases/index.ts';
import type { IntakeService } from '#modules/intake/index.ts';
import { StatsQuery, StatsView } from './stats.contract.ts';
import { statsCsv } from './stats.csv.ts';
import { statsXlsx, type RansomwareSheetData } from './stats.xlsx.ts';

function nextMonth(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
}

type UnitNames = () => Promise<{ id: string; nameJa: string; nameEn: string }[]>;

type Ransomware = (range: { from: string; to: string }) => Promise<RansomwareSheetData>;

export function registerStatsRoutes(
  base: FastifyInstance,
  cases: CasesService,
  intake: IntakeService,
  units: UnitNames,
  clock: Clock,
  ransomware: Ransomware,
): void {
  const app = base.withTypeProvider<ZodTypeProvider>();
  async function compute(from: string, to: string) {
    if (to < from) throw new AppError(kernelErrors.invalid, { reason: 'to_before_from' });
    const range = { from: tokyoMonthStart(from), to: tokyoMonthStart(nextMonth(to)) };
    return { from, to, intake: await intake.statistics(range), cases: await cases.statistics(range) };
  }
  app.get(
    '/api/stats',
    { config: { access: 'stats.read' }, schema: { tags: ['stats'], querystring: StatsQuery, response: { 200: StatsView } } },
    async (request) => compute(request.query.from, request.query.to),
  );
  app.get('/api/stats.csv', { config: { access: 'stats.read' }, schema: { tags: ['stats'], querystring: StatsQuery } }, async (request, reply) => {
    const stats = await compute(request.query.from, request.query.to);
    const range = { from: tokyoMonthStart(stats.from), to: tokyoMonthStart(nextMonth(stats.to)) };
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="koban-stats-${stats.from}-${stats.to}.csv"`)
      .send(statsCsv(stats, await ransomware(range)));
  });
  app.get(
    '/api/stats.xlsx',
    { config: { access: 'stats.read' }, schema: { tags: ['stats'], querystring: StatsQuery.extend({ lang: z.enum(['ja', 'en']).optional() }) } },
    async (request, reply) => {
      const stats = await compute(request.query.from, request.query.to);
      const locale = request.query.lang ?? request.locale;
      const names = new Map((await units()).map((u) => [u.id, locale === 'ja' ? u.nameJa : u.nameEn]));
      const range = { from: tokyoMonthStart(stats.from), to: tokyoMonthStart(nextMonth(stats.to)) };
      const workbook = statsXlsx(stats, locale, (id) => names.get(id) ?? id, clock.now(), await ransomware(range));
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="koban-stats-${stats.from}-${stats.to}.xlsx"`)
        .send(Buffer.from(workbook));
    },
  );
}
