// One place for audit events; the sink is the process log.
import pino from 'pino';

const logger = pino({ name: 'audit' });

export function auditLog(event: string, data: Record<string, unknown>) {
  logger.info({ event, ...data });  // expect: logged user.contact.phone_number; logged user.device.ip_address
}
