pub struct User {
    pub email: String,
}

pub fn welcome(user: &User) {
    println!("welcome {}", user.email); // expect: logged user.contact.email
}

pub fn show(value: &str) {
    // Only the tests below pass data here: no flow of the product.
    println!("{}", value);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn made_up(user: &User) {
        println!("testing {}", user.email); // expect(test): logged user.contact.email
        show(&user.email);
    }
}

#[test]
fn welcomes(user: &User) {
    println!("test user {}", user.email); // expect(test): logged user.contact.email
}
