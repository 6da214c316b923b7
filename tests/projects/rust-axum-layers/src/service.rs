//! Account use cases.
use crate::audit;
use crate::clients::SmsClient;
use crate::forms::SignupForm;
use crate::store::{self, NewUser, Profile, UserStore};
use crate::util::{hash_password, mask_phone, normalize_phone};

pub struct AccountService {
    store: UserStore,
    sms: SmsClient,
}

impl AccountService {
    pub fn new(store: UserStore, sms: SmsClient) -> Self {
        Self { store, sms }
    }

    pub async fn register(&self, form: SignupForm) -> anyhow::Result<i64> {
        let user = NewUser {
            email: form.email.trim().to_lowercase(),
            phone: normalize_phone(&form.phone),
            display_name: form.display_name,
            password_hash: hash_password(&form.password),
        };
        let id = self.store.insert(&user).await?;  // expect: stored user.contact.email; stored user.contact.phone_number; stored user.name
        self.sms.send(&user.phone, "Welcome aboard!").await?;  // expect: shared user.contact.phone_number -> twilio
        audit::log_event("signup", &user);  // expect: logged user.contact.email; logged user.contact.phone_number; logged user.name
        audit::record_event("signup.sms", &mask_phone(&user.phone));
        Ok(id)
    }

    pub async fn confirm_number(&self, number: &str) -> anyhow::Result<()> {
        self.sms.send(number, "Your number was updated.").await?;
        Ok(())
    }
}

/// Accounts created from an invitation: the address is already verified.
pub async fn register_invited(
    pool: &sqlx::PgPool,
    token: &str,
    invitee: &str,
) -> anyhow::Result<i64> {
    let id = store::insert_invited(pool, invitee).await?;
    store::consume_invite(pool, token).await?;
    Ok(id)
}

/// The line shown at the top of the welcome page.
pub fn greeting(profile: &Profile) -> String {
    format!("Welcome back, {} <{}>", profile.display_name, profile.email)
}
