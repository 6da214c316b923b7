const express = require('express');
const { createClient } = require('redis');

const app = express();
const client = createClient();

app.post('/login', async (req, res) => {
  const email = req.body.email;
  res.cookie('remember_email', email, { maxAge: 1000 * 60 * 60 * 24 * 365 }); // expect: retention-exceeded
  res.cookie('login_email', email, { maxAge: 1000 * 60 * 60 * 24 * 7 });
  res.cookie('last_email', email, { expires: new Date(Date.now() + 90 * 24 * 3600 * 1000) }); // expect: retention-exceeded
  await client.set('mail:' + email, email, { EX: 60 * 60 * 24 * 45 }); // expect: retention-exceeded
  await client.setEx('otp', 300, email);
  const opts = { maxAge: 1000 * 60 * 60 * 24 * 400 };
  res.cookie('opts_email', email, opts); // expect: retention-exceeded
  res.send('ok');
});
