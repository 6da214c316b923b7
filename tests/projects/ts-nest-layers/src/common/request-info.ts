import { Request } from 'express';

export function clientIp(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? '';  // expect: collected user.device.ip_address
}
