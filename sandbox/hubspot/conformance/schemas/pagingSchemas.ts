// Paging blocks, from the spec's `NextPage`, `PreviousPage`, `Paging` and `ForwardPaging`
// (PublicApiSpecs/CRM/Objects/Rollouts/424/v3/objects.json; the same in lists.json and crmOwners.json).
import { z } from 'zod';

/** Spec `NextPage`: `after` (a cursor string) required, `link` optional. */
export const nextPage = z.looseObject({ after: z.string().min(1), link: z.string().optional() });

/** Spec `PreviousPage`: `before` required, `link` optional. */
export const previousPage = z.looseObject({ before: z.string().min(1), link: z.string().optional() });

/** Spec `Paging`: both optional. */
export const paging = z.looseObject({ next: nextPage.optional(), prev: previousPage.optional() });

/** Spec `ForwardPaging`: `next` only. */
export const forwardPaging = z.looseObject({ next: nextPage.optional() });
