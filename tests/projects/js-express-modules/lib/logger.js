const winston = require('winston');

const logger = winston.createLogger({ level: 'info' });

exports.audit = function audit(event, fields) {
  logger.info(event, fields);  // expect: logged user.device.ip_address
};

exports.count = function count(event, n) {
  logger.info(`${event}: ${n}`);
};
