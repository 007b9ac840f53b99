// Tasks and events. A task is closed when its status is a closed one, and gets CompletedDateTime then; an
// event's start, end, duration and due date stay consistent. Both must be owned by an active user, and both
// move the lead's LastActivityDate.
import { CLOSED_TASK_STATUSES } from '../../model/activitySchemas.ts';
import { requiredFieldsMissing } from '../../model/recordError.ts';
import { dateIn } from '../../model/sfDates.ts';
import type { SObjectRecord, Values } from '../recordStore.ts';
import type { WriteContext } from '../orgContext.ts';
import { refreshLastActivity } from './activityRollup.ts';
import type { ObjectRules } from './objectRules.ts';
import { checkOwner } from './ownership.ts';

function rollUp(ctx: WriteContext, record: SObjectRecord, prev: Values | undefined): void {
  refreshLastActivity(ctx, record.values.WhoId);
  if (prev && prev.WhoId !== record.values.WhoId) refreshLastActivity(ctx, prev.WhoId);
}

const ASSIGNED_TO = { label: 'Assigned To ID', name: 'OwnerId' };

export const taskRules: ObjectRules = {
  beforeSave({ org, tx }, next, prev) {
    next.TaskSubtype ??= 'Task';
    next.IsClosed = typeof next.Status === 'string' && CLOSED_TASK_STATUSES.has(next.Status);
    if (!next.IsClosed) next.CompletedDateTime = null;
    else if (prev?.IsClosed !== true) next.CompletedDateTime ??= tx.now;
    if (prev === undefined || prev.OwnerId !== next.OwnerId)
      checkOwner(org, next.OwnerId, 'Task', ASSIGNED_TO);
  },
  afterSave: rollUp,
};

export const eventRules: ObjectRules = {
  beforeSave({ org }, next, prev) {
    next.EventSubtype ??= 'Event';
    const movedDue = prev !== undefined && next.ActivityDateTime !== prev.ActivityDateTime;
    const movedStart = prev === undefined || next.StartDateTime !== prev.StartDateTime;
    if (movedDue && !movedStart) next.StartDateTime = next.ActivityDateTime ?? null;
    next.StartDateTime ??= next.ActivityDateTime ?? null;
    const start = next.StartDateTime;
    if (typeof start !== 'number') throw requiredFieldsMissing(['StartDateTime']);
    next.ActivityDateTime = start;
    const movedEnd = prev !== undefined && next.EndDateTime !== prev.EndDateTime;
    if (typeof next.EndDateTime === 'number' && (movedEnd || next.DurationInMinutes === null)) {
      next.DurationInMinutes = Math.round((next.EndDateTime - start) / 60_000);
    } else if (typeof next.DurationInMinutes === 'number') {
      next.EndDateTime = start + next.DurationInMinutes * 60_000;
    } else {
      throw requiredFieldsMissing(['DurationInMinutes']);
    }
    next.ActivityDate = dateIn(start, org.timeZone);
    if (prev === undefined || prev.OwnerId !== next.OwnerId)
      checkOwner(org, next.OwnerId, 'Event', ASSIGNED_TO);
  },
  afterSave: rollUp,
};
