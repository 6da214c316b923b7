fn signs_up(user: &User) {
    println!("signing up {}", user.email); // expect(test): logged user.contact.email
}
