// One SMS gateway instance for the whole app.
const twilio = require('twilio');

class SmsGateway {
  constructor() {
    this.client = twilio(process.env.TWILIO_SID, process.env.TWILIO_TOKEN);
  }

  async send(to, text) {
    await this.client.messages.create({ to, body: text, from: process.env.TWILIO_FROM });  // reported where callers pass their data in
  }
}

module.exports = new SmsGateway();
