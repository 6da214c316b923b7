import { Injectable } from '@nestjs/common';
import * as bcrypt from 'bcrypt';
import { AnalyticsService } from '../analytics/analytics.service';
import { auditLog, fingerprint, maskEmail } from '../common';
import { SmsClient } from '../notifications/sms.client';
import { CreateUserDto, UpdatePhoneDto } from './dto/create-user.dto';
import { UsersRepository } from './users.repository';

@Injectable()
export class UsersService {
  constructor(
    private readonly usersRepository: UsersRepository,
    private readonly analytics: AnalyticsService,
    private readonly smsClient: SmsClient,
  ) {}

  async register(dto: CreateUserDto) {
    const passwordHash = await bcrypt.hash(dto.password, 12);
    const user = await this.usersRepository.insertUser(dto.email, dto.phone, passwordHash);
    this.analytics.identifyUser(user.id, { email: dto.email });
    await this.smsClient.sendVerificationCode(dto.phone);
    auditLog('user.registered', { email: maskEmail(dto.email) });
    auditLog('user.dedupe', { key: fingerprint(dto.email) });
    return user;
  }

  async changePhone(id: string, dto: UpdatePhoneDto) {
    await this.usersRepository.updatePhone(id, dto.phone);
    auditLog('user.phone_changed', { id, phone: dto.phone });
  }

  async touch(id: string) {
    this.analytics.trackEvent(id, 'login');
    return this.usersRepository.countLogins(id);
  }

  async findOne(id: string) {
    const user = await this.usersRepository.findById(id);
    auditLog('user.read', { id: user.id, logins: user.loginCount });
    return user;
  }
}
