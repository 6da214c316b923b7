import { Router } from 'express';
import * as requestInfo from '../lib/request.js';
import { count } from '../lib/logger.js';
import { recordVisit } from '../services/users.js';
import { emailDomain } from '../lib/redact';
import * as metrics from '../lib/metrics.js';

const router = Router();
const visits = [];

router.get('/:id', async (req, res) => {
  const seen = [];
  seen.push(req.params.id);
  visits.push(requestInfo.requestId(req));
  count('profile.view', visits.length);
  metrics.audit('profile.view', { seen });
  await recordVisit(req.params.id, seen);
  res.send({ id: req.params.id, domain: emailDomain(req.query.email) });  // expect: collected user.contact.email
});

export default router;
