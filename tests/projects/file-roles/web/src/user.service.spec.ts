import { register } from './user.service';

it('registers', () => {
  const user = { email: 'a@example.com' };
  console.log('registering', user.email); // expect(test): logged user.contact.email
  register(user);
});
