export * from './privacy';
export { auditLog } from './audit';
