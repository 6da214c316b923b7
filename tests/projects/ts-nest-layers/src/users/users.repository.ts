import { Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma/prisma.service';

@Injectable()
export class UsersRepository {
  constructor(private readonly prisma: PrismaService) {}

  insertUser(email: string, phone: string, passwordHash: string) {
    return this.prisma.user.create({ data: { email, phone, passwordHash } });  // expect: stored user.contact.email; stored user.contact.phone_number
  }

  updatePhone(id: string, phone: string) {
    return this.prisma.user.update({ where: { id }, data: { phone } });  // expect: stored user.contact.phone_number
  }

  findById(id: string) {
    return this.prisma.user.findUnique({ where: { id } });
  }

  countLogins(userId: string) {
    return this.prisma.login.create({ data: { userId } });
  }
}
