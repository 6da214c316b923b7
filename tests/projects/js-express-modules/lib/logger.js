const winston = require('winston');

const logger = winston.createLogger({ level: 'info' });

exports.audit = function audit(event, fields) {
  logger.info(event, fields);  // reported where callers pass their data in
};

exports.count = function count(event, n) {
  logger.info(`${event}: ${n}`);
};
