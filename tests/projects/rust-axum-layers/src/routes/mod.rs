pub mod profile;
pub mod signup;
