// Which version of a CRM record a read saw. Reads of one record can be applied out of order: a reconciliation
// page read a minute ago is applied after a webhook's fresher read, and a search index lags the record by
// seconds. Applying the older read after the newer one would undo what the newer one decided (an owner the rep
// set, reported unset again). The record's own modification time orders reads; where it cannot tell two reads
// apart (Salesforce stamps whole seconds; a HubSpot Lead record's owner change leaves the contact's stamp alone),
// the later-started read saw at least as much.
export interface RecordRead {
  /** The record's modification time as the CRM reported it in this read. */
  modifiedAt: Date;
  /** When Baton sent the request that returned it. */
  readAt: Date;
}

/** Whether `read` saw an older version of the record than `applied` did. */
export function isOlderRead(read: RecordRead, applied: RecordRead): boolean {
  const byStamp = read.modifiedAt.getTime() - applied.modifiedAt.getTime();
  if (byStamp !== 0) return byStamp < 0;
  return read.readAt.getTime() < applied.readAt.getTime();
}
