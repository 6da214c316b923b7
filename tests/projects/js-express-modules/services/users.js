const db = require('../lib/db');
const { audit } = require('../lib/logger');
const sms = require('../clients/sms');
const subscribe = require('../lib/newsletter');
import { redactPhone } from '../lib/redact.js';
import { mailer } from '../clients/mailer.js';
import tracker from '../clients/tracker';

async function createUser(form) {
  const user = { email: form.email, phone: form.phone, fullName: form.fullName };
  const { rows } = await db.query(  // reported where callers pass their data in
    'INSERT INTO users (email, phone, full_name) VALUES ($1, $2, $3) RETURNING id',
    [user.email, user.phone, user.fullName],
  );
  audit('user.created', { phone: redactPhone(user.phone), id: rows[0].id });
  await mailer.sendWelcome(user.email, user.fullName);
  await sms.send(user.phone, 'Welcome aboard!');
  tracker.signup({ id: rows[0].id, email: user.email, plan: 'free' });
  if (form.newsletter) {
    const addresses = [];
    addresses.push(user.email);
    await subscribe(addresses);
  }
  return rows[0].id;
}

async function recordVisit(userId, visits) {
  tracker.visits(userId, visits.length);
}

module.exports = { createUser, recordVisit };
