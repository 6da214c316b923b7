import { Injectable } from '@nestjs/common';
import axios from 'axios';

const SMS_API = 'https://api.twilio.com/2010-04-01/Accounts/AC123/Messages.json';

@Injectable()
export class SmsClient {
  private readonly sent: string[] = [];

  async sendVerificationCode(phoneNumber: string) {
    const code = Math.floor(100000 + Math.random() * 900000).toString();
    this.sent.push(code);
    await axios.post(SMS_API, new URLSearchParams({ To: phoneNumber, Body: `Code: ${code}` }));  // expect: shared user.contact.phone_number -> twilio
  }
}
