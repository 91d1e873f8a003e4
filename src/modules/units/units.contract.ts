// Request and response schemas of the unit directory (M1.1). Pure: the web imports it.
import { z } from 'zod';

export const UnitKind = z.enum(['national', 'regional', 'hq', 'department', 'division', 'office', 'station', 'external']);
export type UnitKind = z.infer<typeof UnitKind>;

export const PersonRef = z.object({ id: z.string(), displayName: z.string(), username: z.string() });

export const UnitView = z.object({
  id: z.string(),
  code: z.string(),
  parentId: z.string().nullable(),
  kind: UnitKind,
  nameJa: z.string(),
  nameEn: z.string(),
  sortOrder: z.number().int(),
  phone: z.string().nullable(),
  liaison: PersonRef.nullable(),
});
export type UnitView = z.infer<typeof UnitView>;

export const UnitList = z.object({ items: z.array(UnitView) });

export const UnitMember = z.object({ id: z.string(), username: z.string(), displayName: z.string(), roles: z.array(z.string()), disabled: z.boolean() });
export const UnitDetail = UnitView.extend({ members: z.array(UnitMember) });

const UnitCode = z
  .string()
  .trim()
  .min(2)
  .max(64)
  .regex(/^[a-z][a-z0-9_]*$/);

export const CreateUnitInput = z.object({
  code: UnitCode,
  parentId: z.string().max(64).nullable(),
  kind: UnitKind,
  nameJa: z.string().trim().min(1).max(100),
  nameEn: z.string().trim().min(1).max(100),
  sortOrder: z.number().int().min(0).max(100_000).optional(),
  phone: z.string().trim().max(30).nullable().optional(),
});
export type CreateUnitInput = z.infer<typeof CreateUnitInput>;

export const UpdateUnitInput = z.object({
  parentId: z.string().max(64).nullable().optional(),
  kind: UnitKind.optional(),
  nameJa: z.string().trim().min(1).max(100).optional(),
  nameEn: z.string().trim().min(1).max(100).optional(),
  sortOrder: z.number().int().min(0).max(100_000).optional(),
  phone: z.string().trim().max(30).nullable().optional(),
});
export type UpdateUnitInput = z.infer<typeof UpdateUnitInput>;

export const SetLiaisonInput = z.object({ userId: z.string().max(64).nullable() });
export const UnitIdParams = z.object({ unitId: z.string().max(64) });
export const GeneralManagerView = z.object({ user: PersonRef.nullable() });
