export function send(user) {
  console.log('mock mail to', user.email); // expect(test): logged user.contact.email
}
