const { Member } = require('./member');

async function changeSecrets(req, res) {
  const { password, email } = req.body; // expect: collected user.authorization.password; collected user.contact.email
  const member = await Member.findByPk(req.params.id);
  await member.update({ password }); // the setter hashes it
  await member.update({ email }); // expect: stored user.contact.email
  res.json({ ok: true });
}

module.exports = { changeSecrets };
