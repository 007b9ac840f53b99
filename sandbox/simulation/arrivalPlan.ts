// When inbound leads arrive and who they are, whatever CRM they arrive in: spread over the scenario's first
// working days, mostly in working hours, each with their own random stream (which the CRM's arrival code goes
// on using for what the person does next).
import { isBusinessTime, localTime } from './businessTime.ts';
import { generateLead, type GeneratedLead } from './leadGenerator.ts';
import { dice, type Dice } from './randomness.ts';
import type { PersonaName } from './scenario.ts';

export function pickPersona(personas: Readonly<Record<PersonaName, number>>, d: Dice): PersonaName {
  return d.weighted(Object.entries(personas) as Array<[PersonaName, number]>);
}

/** Midnight (local) of the first `count` working days from `startMs`'s day on. */
export function workingDaysFrom(startMs: number, count: number): number[] {
  const days: number[] = [];
  for (let k = 0; days.length < count; k++) {
    const day = localTime(startMs, k, 12);
    if (isBusinessTime(day)) days.push(localTime(startMs, k, 0));
  }
  return days;
}

export interface PlannedArrival {
  /** The arrival's own stream, after the choices below. */
  d: Dice;
  at: number;
  persona: PersonaName;
  lead: GeneratedLead;
}

/** The i-th arrival: its day (round robin over `days`), hour, persona and person (running number `number`). */
export function planArrival(o: {
  seed: number;
  i: number;
  days: readonly number[];
  startMs: number;
  personas: Readonly<Record<PersonaName, number>>;
  number: number;
}): PlannedArrival {
  const d = dice(o.seed, 'arrival', o.i);
  const day = o.days[o.i % o.days.length] ?? o.startMs;
  const hour = d.chance(0.8)
    ? d.int(8, 17)
    : d.weighted([
        [6, 1],
        [19, 2],
        [21, 2],
        [23, 1],
      ]);
  const at = Math.max(o.startMs, localTime(day, 0, hour, d.int(0, 59)));
  const persona = pickPersona(o.personas, d);
  const lead = generateLead(d, persona, o.number);
  return { d, at, persona, lead };
}
