const express = require('express');
const users = require('../services/users');
const { clientIp } = require('../lib/request');
const logger = require('../lib/logger');

const router = express.Router();

router.post('/', async (req, res) => {
  const form = {
    email: req.body.email,  // expect: collected user.contact.email
    phone: req.body.phone,  // expect: collected user.contact.phone_number
    fullName: req.body.fullName,  // expect: collected user.name
    newsletter: req.body.newsletter === 'on',
  };
  const id = await users.createUser(form);  // expect: shared user.contact.email -> mailchimp; shared user.contact.email -> mixpanel; shared user.contact.email -> sendgrid; shared user.contact.phone_number -> twilio; shared user.name -> sendgrid; stored user.contact.email; stored user.contact.phone_number; stored user.name
  logger.audit('signup', { ip: clientIp(req) });  // expect: logged user.device.ip_address
  res.send({ id, email: form.email });
});

module.exports = router;
