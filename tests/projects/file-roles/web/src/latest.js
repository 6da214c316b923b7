// "latest" is no test: production code.
export function latest(user) {
  console.log('latest signup', user.email); // expect: logged user.contact.email
}
