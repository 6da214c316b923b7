// Values safe to write to logs.
export function redactPhone(phone) {
  return phone.slice(0, 3) + '****' + phone.slice(-2);
}

export function emailDomain(email) {
  return email.split('@').pop();
}
