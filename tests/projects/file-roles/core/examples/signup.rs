fn main_example(user: &User) {
    println!("example {}", user.email); // expect(example): logged user.contact.email
}
