// Request helpers shared by the routes.
function clientIp(req) {
  return req.headers['x-forwarded-for'] || req.ip;  // expect: collected user.device.ip_address
}

function requestId(req) {
  return req.get('x-request-id');
}

module.exports = { clientIp, requestId };
