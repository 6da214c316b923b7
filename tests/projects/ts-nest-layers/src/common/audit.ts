// One place for audit events; the sink is the process log.
import pino from 'pino';

const logger = pino({ name: 'audit' });

export function auditLog(event: string, data: Record<string, unknown>) {
  logger.info({ event, ...data });  // reported where callers pass their data in
}
