// The Tooling API's query endpoint, for the one object Baton reads there: PlatformEventChannelMember, the org's
// Change Data Capture selections. Tooling API reference, PlatformEventChannelMember: a selection of the default
// standard channel is named ChangeEvents_<Entity>ChangeEvent and its SelectedEntity is <Entity>ChangeEvent;
// querying it needs "View Setup and Configuration". CDC guide, "Get Custom Channels and Channel Members": SOQL
// through GET /services/data/vXX.X/tooling/query?q=… . The sandbox has only the standard channel, so every selected
// entity is one member of it. Any other Tooling query is refused as Salesforce refuses an object it does not know
// (INVALID_TYPE), since the sandbox serves no other Tooling object.
import { Router } from 'express';
import { restError } from '../../salesforceErrors.ts';
import { authOf, versionBase } from '../requestContext.ts';
import { soqlOf } from './query.ts';

const CHANNEL_MEMBERS = /^\s*SELECT\s+([\w\s,]+?)\s+FROM\s+PlatformEventChannelMember\s*$/i;
const FIELDS = new Set(['Id', 'DeveloperName', 'SelectedEntity', 'EventChannel']);

export function toolingQueryRoutes(): Router {
  const router = Router();
  router.get('/', (req, res) => {
    const { org } = authOf(req);
    const m = CHANNEL_MEMBERS.exec(soqlOf(req));
    if (!m)
      throw restError(400, 'INVALID_TYPE', "sObject type is not supported by this sandbox's Tooling API.");
    const fields = (m[1] ?? '').split(',').map((f) => f.trim());
    const unknown = fields.find((f) => !FIELDS.has(f));
    if (unknown)
      throw restError(
        400,
        'INVALID_FIELD',
        `No such column '${unknown}' on entity 'PlatformEventChannelMember'.`,
      );
    const records = org.changeEvents.selectedEntities().map((entity, i) => {
      const id = `0v8${String(i + 1).padStart(12, '0')}AAA`;
      const all: Record<string, string | null> = {
        Id: id,
        DeveloperName: `ChangeEvents_${entity}ChangeEvent`,
        SelectedEntity: `${entity}ChangeEvent`,
        // The standard channel is no PlatformEventChannel record: its members name it by its developer name.
        EventChannel: 'ChangeEvents',
      };
      return {
        attributes: {
          type: 'PlatformEventChannelMember',
          url: `${versionBase(req)}/tooling/sobjects/PlatformEventChannelMember/${id}`,
        },
        ...Object.fromEntries(fields.map((f) => [f, all[f] ?? null])),
      };
    });
    res.json({
      size: records.length,
      totalSize: records.length,
      done: true,
      queryLocator: null,
      entityTypeName: 'PlatformEventChannelMember',
      records,
    });
  });
  return router;
}
