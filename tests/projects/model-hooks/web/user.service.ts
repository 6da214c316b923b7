import { getRepository } from "typeorm";
import { UserEntity } from "./user.entity";

export async function register(req, res) {
  const { email, password } = req.body; // expect: collected user.contact.email; collected user.authorization.password
  const user = new UserEntity();
  user.email = email;
  user.password = password;
  await getRepository(UserEntity).save(user); // expect: stored user.contact.email
  res.json({ ok: true });
}
