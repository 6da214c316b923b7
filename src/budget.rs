//! Budgets: how much work one file's analysis, and the join of all files,
//! may take, so that no input can make the scan hang or grow without end.
//!
//! Every phase that can loop or recurse on input counts its steps and stops
//! at a bound no real file reaches; the file then gets a notice ("analysis
//! budget exceeded") and what was found before. The bounds were set against
//! the 20,000 source files of five real applications and the benchmark tree,
//! where the most any file needed was 0.13 flow steps per byte, the join 0.14
//! steps per summary edge, and no parse more than 0.1 s of CPU per MiB:
//!
//! - parsing: CPU time of the parsing thread, `PARSE_BASE + PARSE_PER_MIB`
//!   per MiB (tree-sitter's error recovery can turn quadratic on some
//!   broken inputs, at a cost its operation count does not show);
//! - lowering: steps per byte of source;
//! - following data within a file: steps per byte of source;
//! - the join: steps per summary edge and call of the project.
//!
//! Step counts are deterministic; parse time is measured on the thread that
//! parses, so it does not depend on how many threads the scan runs, and it is
//! far enough above any real parse (50 times) that only pathological inputs
//! ever reach it.

use std::time::Duration;

/// CPU time any parse may take.
pub const PARSE_BASE: Duration = Duration::from_secs(1);
/// CPU time a parse may take per MiB of source, on top of [`PARSE_BASE`].
pub const PARSE_PER_MIB: Duration = Duration::from_secs(4);

/// Lowering steps any file may take, and per byte of its source.
pub const LOWERING_BASE: u64 = 100_000;
pub const LOWERING_PER_BYTE: u64 = 16;

/// Flow steps any file may take, and per byte of its source.
pub const FLOW_BASE: u64 = 100_000;
pub const FLOW_PER_BYTE: u64 = 4;

/// How deep brackets may open in a source file before it is refused
/// unparsed: real code stays below a hundred.
pub const MAX_BRACKET_DEPTH: usize = 1_000;

/// How many brackets may be left open at the end of a source file before
/// it is refused unparsed: the error recovery of some grammars is
/// exponential in them (Go's, after an unterminated raw string), in steps
/// the parse budget cannot interrupt. Real files leave at most ten open,
/// counting those in strings and comments.
pub const MAX_UNCLOSED_BRACKETS: usize = 32;

/// Memory growth any parse may cause, and per byte of source: real files
/// need a few dozen bytes of tree per byte.
pub const PARSE_MEMORY_BASE: u64 = 512 << 20;
pub const PARSE_MEMORY_PER_BYTE: u64 = 256;

/// Join steps any project may take, and per summary edge and call.
pub const JOIN_BASE: u64 = 1_000_000;
pub const JOIN_PER_EDGE: u64 = 64;

/// How much the process may grow while one file of `bytes` is parsed: a
/// parser's error recovery on a hostile file can allocate gigabytes between
/// two of its time checks.
pub fn parse_memory(bytes: usize) -> u64 {
    PARSE_MEMORY_BASE + PARSE_MEMORY_PER_BYTE * bytes as u64
}

/// The process's resident memory in bytes, where the system tells it
/// cheaply (Linux); `None` elsewhere.
pub fn resident_bytes() -> Option<u64> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: u64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    Some(pages * 4096)
}

/// The most memory the process has held at once, in bytes (Linux's
/// high-water mark); `None` where the system does not tell it.
pub fn peak_resident_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib * 1024)
}

/// The CPU time the parse of a file of `bytes` may take.
pub fn parse_time(bytes: usize) -> Duration {
    let mib = bytes as f64 / f64::from(1 << 20);
    PARSE_BASE + PARSE_PER_MIB.mul_f64(mib)
}

/// A number of steps to spend, once: after the last, every request is
/// refused and the budget says it was exceeded.
#[derive(Debug, Clone)]
pub struct Steps {
    left: u64,
    exceeded: bool,
}

impl Steps {
    pub fn new(limit: u64) -> Steps {
        Steps {
            left: limit,
            exceeded: false,
        }
    }

    /// `base` plus `per` for each of `units`.
    pub fn scaled(base: u64, per: u64, units: usize) -> Steps {
        Steps::new(base.saturating_add(per.saturating_mul(units as u64)))
    }

    /// Spends one step; `false` once the budget is spent.
    pub fn take(&mut self) -> bool {
        if self.left == 0 {
            self.exceeded = true;
            return false;
        }
        self.left -= 1;
        true
    }

    /// Whether a step was refused.
    pub fn exceeded(&self) -> bool {
        self.exceeded
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_run_out_once() {
        let mut s = Steps::new(2);
        assert!(s.take() && s.take());
        assert!(!s.exceeded());
        assert!(!s.take() && !s.take());
        assert!(s.exceeded());
        assert!(Steps::scaled(u64::MAX, u64::MAX, usize::MAX).take());
    }

    #[test]
    fn parse_time_grows_with_size() {
        assert_eq!(parse_time(0), PARSE_BASE);
        assert_eq!(parse_time(1 << 20), PARSE_BASE + PARSE_PER_MIB);
    }
}
