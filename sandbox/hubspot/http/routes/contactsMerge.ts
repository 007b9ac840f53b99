// Contact merge and GDPR delete (/crm/v3/objects/contacts/merge, /gdpr-delete).
import { Router } from 'express';
import { notFound } from '../../hubspotErrors.ts';
import { gdprDeleteBody, mergeBody } from '../bodies.ts';
import { authOf } from '../requestContext.ts';
import { publicRecord, selection } from './objectHelpers.ts';

export function contactsMergeRoutes(): Router {
  const router = Router();

  router.post('/contacts/merge', (req, res) => {
    const { portal, app } = authOf(req);
    const body = mergeBody.parse(req.body);
    const merged = portal.mergeContacts(body.primaryObjectId, body.objectIdToMerge, {
      source: 'INTEGRATION',
      sourceId: String(app.appId),
    });
    res.json(publicRecord(portal, merged, selection(portal, 'contacts', [])));
  });

  router.post('/contacts/gdpr-delete', (req, res) => {
    const { portal } = authOf(req);
    const body = gdprDeleteBody.parse(req.body);
    const contact = portal.findBy('contacts', body.idProperty, body.objectId);
    if (!contact) throw notFound('resource not found', { id: [body.objectId] });
    portal.privacyDeleteContact(contact.id);
    res.status(204).end();
  });

  return router;
}
