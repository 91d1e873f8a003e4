import { z } from 'zod';

const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
export const StatsQuery = z.object({ from: Month, to: Month });
const Counts = z.array(z.object({ key: z.string(), count: z.number().int() }));
export const StatsView = z.object({
  from: z.string(),
  to: z.string(),
  intake: z.object({
    total: z.number().int(),
    byCategory: Counts,
    byKind: Counts,
    byPriority: Counts,
    byMonth: Counts,
    medianMinutesToRouting: z.number().nullable(),
    medianMinutesToHandOff: z.number().nullable(),
    medianMinutesToCase: z.number().nullable(),
  }),
  cases: z.object({ total: z.number().int(), byCategory: Counts, byStatus: Counts, byUnit: Counts, byMonth: Counts, damageYen: z.number() }),
});
export type StatsView = z.infer<typeof StatsView>;
