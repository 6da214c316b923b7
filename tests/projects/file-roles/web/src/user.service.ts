export function register(user: { email: string }) {
  console.log('registered', user.email); // expect: logged user.contact.email
}
