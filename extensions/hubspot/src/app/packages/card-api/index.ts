// Baton's card API for the HubSpot cards and the settings page: typed calls, states and response schemas.
export { failureInWords, problemsByField, type ApiFailure, type FieldProblem } from './apiFailure.ts';
export {
  batonFetch,
  callerOf,
  cardApiUrl,
  FETCH_TIMEOUT_MS,
  type BatonRequest,
  type Caller,
  type FetchOutcome,
} from './batonFetch.ts';
export { BATON_CARD_API_URL } from './batonUrl.ts';
export { LoadFailure } from './LoadFailure.tsx';
export { newRequestId } from './requestId.ts';
export { useBatonMutation, type Mutation, type MutationState } from './useBatonMutation.ts';
export { useBatonQuery, type Query, type QueryState } from './useBatonQuery.ts';
export * from './schemas/passport.ts';
export * from './schemas/policy.ts';
export * from './schemas/reasons.ts';
export * from './schemas/returnResult.ts';
export * from './schemas/whatIfPreview.ts';
