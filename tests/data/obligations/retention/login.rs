use axum::Form;
use axum_extra::extract::cookie::{Cookie, CookieJar};
use serde::Deserialize;
use time::Duration;

#[derive(Deserialize)]
pub struct LoginForm {
    email: String,
}

pub async fn login(jar: CookieJar, Form(form): Form<LoginForm>) -> CookieJar {
    let remember = Cookie::build(("remember_email", form.email.clone())) // expect: retention-exceeded
        .max_age(Duration::days(365))
        .build();
    let login = Cookie::build(("login_email", form.email.clone()))
        .max_age(Duration::days(7))
        .build();
    jar.add(remember).add(login)
}
