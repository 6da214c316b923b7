import Analytics from 'analytics-node';
import express from 'express';

const analytics = new Analytics('key');
const router = express.Router();

router.post('/signup', (req, res) => {
  const email: string = req.body.email;
  analytics.track({ userId: email, event: 'signup', properties: { email } }); // expect: consent-not-checked
  res.cookie('_ga', 'GA1.2.3'); // expect: consent-not-checked
  res.send('ok');
});

router.post('/signup-with-the-banner', (req, res) => {
  const email: string = req.body.email;
  if (cookieConsent.analytics) {
    analytics.track({ userId: email, event: 'signup', properties: { email } });
  }
  res.send('ok');
});

router.post('/signup-with-consent', (req, res) => {
  const email: string = req.body.email;
  if (req.session.analyticsConsent) {
    analytics.track({ userId: email, event: 'signup', properties: { email } });
    res.cookie('_ga', 'GA1.2.3');
  }
  res.send('ok');
});
