fn bench(user: &User) {
    println!("bench {}", user.email); // expect(benchmark): logged user.contact.email
}
