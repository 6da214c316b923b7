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
  const id = await users.createUser(form);
  logger.audit('signup', { ip: clientIp(req) });
  res.send({ id, email: form.email });
});

module.exports = router;
