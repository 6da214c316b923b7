// The registration form, validated by the framework before it reaches the
// controller.
import { IsEmail, IsPhoneNumber, MinLength } from 'class-validator';

export class CreateUserDto {
  @IsEmail()
  email: string;

  @IsPhoneNumber()
  phone: string;

  @MinLength(12)
  password: string;
}

export class UpdatePhoneDto {
  @IsPhoneNumber()
  phone: string;
}
