import { Body, Controller, Get, Logger, Param, Post, Req } from '@nestjs/common';
import { Request } from 'express';
import { CreateUserDto, UpdatePhoneDto } from './dto/create-user.dto';
import { UsersService } from './users.service';
import { clientIp } from '../common/request-info.js';
import { auditLog } from '../common/audit.js';

@Controller('users')
export class UsersController {
  private readonly logger = new Logger(UsersController.name);

  constructor(private readonly usersService: UsersService) {}

  @Post()
  async register(@Body() dto: CreateUserDto) {  // expect: collected user.authorization.password; collected user.contact.email; collected user.contact.phone_number
    this.logger.log(`registering ${dto.email}`);  // expect: logged user.contact.email
    const user = await this.usersService.register(dto);  // expect: shared user.contact.email -> segment; shared user.contact.phone_number -> twilio; stored user.contact.email; stored user.contact.phone_number
    return { id: user.id };
  }

  @Post('login')
  async login(@Req() req: Request) {
    auditLog('login', { ip: clientIp(req) });  // expect: logged user.device.ip_address
    return this.usersService.touch(req.params.id);
  }

  @Post(':id/phone')
  async changePhone(@Param('id') id: string, @Body() dto: UpdatePhoneDto) {  // expect: collected user.contact.phone_number
    await this.usersService.changePhone(id, dto);  // expect: logged user.contact.phone_number; stored user.contact.phone_number
  }

  @Get(':id')
  async find(@Param('id') id: string) {
    return this.usersService.findOne(id);
  }
}
