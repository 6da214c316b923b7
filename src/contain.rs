//! Panics contained: a bug that makes the analysis of one file panic costs
//! that file, reported as a notice, never the whole scan. Containment is the
//! net; every panic found is also fixed where it happens.

use std::cell::Cell;
use std::panic::{AssertUnwindSafe, catch_unwind};

thread_local! {
    /// Set while a contained analysis runs on this thread.
    static CONTAINED: Cell<bool> = const { Cell::new(false) };
}

/// Runs `analysis`; a panic in it comes back as its message.
pub fn catching<T>(analysis: impl FnOnce() -> T) -> Result<T, String> {
    let outer = CONTAINED.with(|c| c.replace(true));
    let outcome = catch_unwind(AssertUnwindSafe(analysis));
    CONTAINED.with(|c| c.set(outer));
    outcome.map_err(|payload| {
        payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "a panic without a message".to_string())
    })
}

/// Installs a panic hook that stays silent about contained panics (they
/// become notices) and reports every other one as before.
pub fn install_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if !CONTAINED.with(Cell::get) {
            previous(info);
        }
    }));
}

#[cfg(test)]
mod tests {
    use super::catching;

    #[test]
    fn a_panic_becomes_its_message() {
        assert_eq!(catching(|| 7), Ok(7));
        let slice: &[u8] = b"abc";
        let n = slice.len() + 2;
        assert!(catching(|| slice[n]).unwrap_err().contains("out of bounds"));
        assert_eq!(
            catching(|| -> u8 { panic!("at {}", 3) }),
            Err("at 3".into())
        );
    }
}
