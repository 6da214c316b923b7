const express = require('express');
const router = express.Router();

router.post('/signup', (req, res) => {
  const birthDate = req.body.birthDate;
  if (yearsSince(birthDate) >= 18) {
    res.send('ok');
  }
});

router.post('/signup-unchecked', (req, res) => {
  const birthDate = req.body.birthDate; // expect: minimum-age-not-checked
  res.send(String(birthDate));
});

router.post('/signup-gated', (req, res) => {
  const birthday = req.body.birthday;
  ensureOldEnough(birthday);
  res.send('ok');
});
