import { Entity, Column, BeforeInsert } from "typeorm";
import * as argon2 from "argon2";

@Entity("user")
export class UserEntity {
  @Column() email: string;
  @Column() password: string;

  // Runs before every insert: the password is stored hashed.
  @BeforeInsert()
  async hashPassword() {
    this.password = await argon2.hash(this.password);
  }
}
