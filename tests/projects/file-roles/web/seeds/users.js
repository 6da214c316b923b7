export function seed(user) {
  console.log('seeded', user.email); // expect(seed): logged user.contact.email
}
