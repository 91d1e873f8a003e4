// Request and response schemas of the TAXII subscriptions API (/api/sharing/taxii-subscriptions):
// remote collections Koban polls. A subscription's secret (bearer token or Basic password) is
// write-only: answers say only whether one is set.
import { z } from 'zod';
import { Tlp } from '../tlp.ts';

export const AUTH_KINDS = ['none', 'bearer', 'basic'] as const;
export type AuthKind = (typeof AUTH_KINDS)[number];

export const SubscriptionAuth = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }).strict(),
  z.object({ kind: z.literal('bearer'), token: z.string().min(1).max(4096) }).strict(),
  z.object({ kind: z.literal('basic'), username: z.string().min(1).max(200), password: z.string().min(1).max(4096) }).strict(),
]);
export type SubscriptionAuth = z.infer<typeof SubscriptionAuth>;

const ApiRootUrl = z
  .url({ protocol: /^https?$/ })
  .max(2000)
  .refine((text) => {
    // zod goes on to refinements after a failed format check; that failure is already reported.
    if (!URL.canParse(text)) return true;
    const url = new URL(text);
    return url.username === '' && url.password === '' && url.search === '' && url.hash === '';
  }, 'no credentials, query or fragment in the URL');

const fields = {
  name: z.string().trim().min(1).max(200),
  apiRootUrl: ApiRootUrl,
  collectionId: z.string().trim().min(1).max(200),
  auth: SubscriptionAuth,
  /** How often to poll: one minute to one week. */
  intervalSeconds: z.number().int().min(60).max(604_800),
  /** The TLP given to polled objects that carry no marking. */
  defaultTlp: Tlp,
  enabled: z.boolean(),
};

export const SubscriptionInput = z
  .object({ ...fields, intervalSeconds: fields.intervalSeconds.default(3600), defaultTlp: Tlp.default('amber'), enabled: z.boolean().default(true) })
  .strict();
export type SubscriptionInput = z.infer<typeof SubscriptionInput>;

export const SubscriptionChanges = z
  .object(fields)
  .partial()
  .strict()
  .refine((changes) => Object.keys(changes).length > 0, 'nothing to change');
export type SubscriptionChanges = z.infer<typeof SubscriptionChanges>;

export const SubscriptionParams = z.object({ subscriptionId: z.string().min(1).max(100) });

export const PollErrorView = z.object({ code: z.string(), message: z.string() });

export const SubscriptionView = z.object({
  id: z.string(),
  name: z.string(),
  apiRootUrl: z.string(),
  collectionId: z.string(),
  auth: z.object({ kind: z.enum(AUTH_KINDS), username: z.string().nullable(), hasSecret: z.boolean() }),
  intervalSeconds: z.number(),
  defaultTlp: Tlp,
  enabled: z.boolean(),
  /** The X-TAXII-Date-Added-Last of the last page read: the next poll's added_after. */
  cursor: z.string().nullable(),
  lastPolledAt: z.string().nullable(),
  lastStatus: z.enum(['ok', 'failed']).nullable(),
  lastError: PollErrorView.nullable(),
  createdAt: z.string(),
});
export type SubscriptionView = z.infer<typeof SubscriptionView>;

export const SubscriptionList = z.object({ items: z.array(SubscriptionView) });

export const PollResultView = z.object({
  ok: z.boolean(),
  batchId: z.string().nullable(),
  total: z.number(),
  imported: z.number(),
  unchanged: z.number(),
  refused: z.number(),
  error: PollErrorView.nullable(),
  subscription: SubscriptionView,
});
