// The ops API's response shapes, taken from the server code that produces them (types only: nothing of the
// server is loaded in the browser), as they arrive after JSON: dates become ISO strings.
import type { Alert } from '../../../../domain/alerts.ts';
import type { ScorecardView } from '../../../../app/scorecardView.ts';
import type { FunnelReport } from '../../../../domain/funnel/funnelReport.ts';
import type { SyncLogRow } from '../../../../store/syncLog.ts';
import type { TenantWhatIf } from '../../../../app/whatIf.ts';
import type { failuresView, leadTimeline, slaBoard, tenantsView } from '../../opsViews.ts';

/** What JSON.stringify makes of a value. */
export type Json<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? Json<U>[]
    : T extends object
      ? { [K in keyof T]: Json<T[K]> }
      : T;

export type TenantView = Json<Awaited<ReturnType<typeof tenantsView>>[number]>;
export type FailuresView = Json<Awaited<ReturnType<typeof failuresView>>>;
export type FailureGroup = FailuresView['groups'][number];
export type HeldReturn = FailuresView['heldReturns']['leads'][number];
export type SetAsideItem = FailuresView['setAsideInbox']['items'][number];
export type SlaBoard = Json<NonNullable<Awaited<ReturnType<typeof slaBoard>>>>;
export type LeadTimeline = Json<Awaited<ReturnType<typeof leadTimeline>>>;
export type TimelineItem = LeadTimeline['items'][number];
export type SyncLogEntry = Json<SyncLogRow>;
export type Funnel = Json<FunnelReport>;
export type ScorecardResponse = Json<ScorecardView>;
export type WhatIfResponse = Json<TenantWhatIf>;

export interface TenantsResponse {
  tenants: TenantView[];
}
export interface AlertsResponse {
  alerts: Alert[];
}
export interface SyncLogResponse {
  rows: SyncLogEntry[];
  nextBeforeId: number | null;
}
export interface ReplayResponse {
  tenantId: string;
  revived: number;
}
