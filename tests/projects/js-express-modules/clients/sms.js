// One SMS gateway instance for the whole app.
const twilio = require('twilio');

class SmsGateway {
  constructor() {
    this.client = twilio(process.env.TWILIO_SID, process.env.TWILIO_TOKEN);
  }

  async send(to, text) {
    await this.client.messages.create({ to, body: text, from: process.env.TWILIO_FROM });  // expect: shared user.contact.phone_number -> twilio
  }
}

module.exports = new SmsGateway();
