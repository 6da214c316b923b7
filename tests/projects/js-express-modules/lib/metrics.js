// Counters for dashboards; shares a name with the audit logger.
exports.audit = function audit(event, fields) {
  console.log(`[metrics] ${event}`, Object.keys(fields).length);
};
