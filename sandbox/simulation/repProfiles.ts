// How a sales rep treats the leads handed to them. Shares are per hand-off; the SLA is 24 working hours to the
// first touch, and Baton recycles untouched leads at 72.

export type RepProfileName = 'diligent' | 'average' | 'overloaded' | 'ignores_leads';

export interface RepProfile {
  name: RepProfileName;
  /** Never touches the lead (Baton auto-recycles it). */
  ignore: number;
  /** Sends it back before any touch (wrong fit, bad data, competitor...). */
  returnUntouched: number;
  /** Of the leads they work: first touch within the SLA (the rest late, before the auto-recycle). */
  inSla: number;
  /** Working hours to the first touch when on time, and when late. */
  onTimeHours: readonly [number, number];
  lateHours: readonly [number, number];
  /** After working it: returns it for timing reasons (not ready, no budget, unresponsive...). */
  returnAfterTouch: number;
  /** After working it: turns it into an opportunity. */
  opportunity: number;
}

export const REP_PROFILES: Readonly<Record<RepProfileName, RepProfile>> = {
  diligent: {
    name: 'diligent',
    ignore: 0,
    returnUntouched: 0.12,
    inSla: 0.95,
    onTimeHours: [0.5, 8],
    lateHours: [25, 40],
    returnAfterTouch: 0.25,
    opportunity: 0.45,
  },
  average: {
    name: 'average',
    ignore: 0.05,
    returnUntouched: 0.1,
    inSla: 0.8,
    onTimeHours: [2, 20],
    lateHours: [26, 60],
    returnAfterTouch: 0.2,
    opportunity: 0.35,
  },
  overloaded: {
    name: 'overloaded',
    ignore: 0.25,
    returnUntouched: 0.08,
    inSla: 0.45,
    onTimeHours: [12, 23],
    lateHours: [26, 66],
    returnAfterTouch: 0.15,
    opportunity: 0.25,
  },
  ignores_leads: {
    name: 'ignores_leads',
    ignore: 0.7,
    returnUntouched: 0.15,
    inSla: 0.3,
    onTimeHours: [16, 23],
    lateHours: [30, 66],
    returnAfterTouch: 0.3,
    opportunity: 0.15,
  },
};
