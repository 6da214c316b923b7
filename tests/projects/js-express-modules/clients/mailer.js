// Transactional email through the vendor's REST API.
const fetch = require('node-fetch');

class Mailer {
  constructor(apiKey) {
    this.apiKey = apiKey;
  }

  async sendWelcome(to, name) {
    const body = { personalizations: [{ to: [{ email: to }] }], subject: `Welcome, ${name}` };
    await fetch('https://api.sendgrid.com/v3/mail/send', { method: 'POST', body: JSON.stringify(body) });  // expect: shared user.contact.email -> sendgrid
  }
}

export const mailer = new Mailer(process.env.SENDGRID_KEY);
