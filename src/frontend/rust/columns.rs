//! `proc-macro2` counts a span's columns in characters; the IR counts them
//! in bytes (see `crate::ir::Span`), as every other front-end does. The
//! thread that lowers a file keeps the file's lines that hold characters
//! of more than one byte, so that a column on such a line becomes the byte
//! offset it stands for. `syn` reads a file without its byte-order mark,
//! so the first line's columns start after it.

use std::cell::RefCell;

thread_local! {
    /// The lines of the file being lowered that are not plain ASCII, by
    /// 0-based line number, as `syn` reads them, with the bytes before them
    /// (a byte-order mark's). Each file is lowered on a thread of its own.
    static WIDE_LINES: RefCell<Vec<WideLine>> = const { RefCell::new(Vec::new()) };
}

struct WideLine {
    number: usize,
    text: String,
    skipped: usize,
}

/// Runs `lower` with the lines of `source` at hand for [`byte_column`].
pub(super) fn with_source<T>(source: &str, lower: impl FnOnce() -> T) -> T {
    let wide = source
        .split('\n')
        .enumerate()
        .filter(|(_, line)| !line.is_ascii())
        .map(|(number, line)| {
            let text = line.strip_prefix('\u{feff}').filter(|_| number == 0);
            WideLine {
                number,
                text: text.unwrap_or(line).to_string(),
                skipped: line.len() - text.map_or(line.len(), str::len),
            }
        })
        .collect();
    WIDE_LINES.with(|lines| *lines.borrow_mut() = wide);
    let lowered = lower();
    WIDE_LINES.with(|lines| lines.borrow_mut().clear());
    lowered
}

/// The byte offset in 1-based line `line` of its `chars`-th character (a
/// column as `proc-macro2` gives it).
pub(super) fn byte_column(line: usize, chars: usize) -> usize {
    WIDE_LINES.with(|lines| {
        let lines = lines.borrow();
        let Ok(at) = lines.binary_search_by_key(&line.wrapping_sub(1), |l| l.number) else {
            return chars;
        };
        let WideLine { text, skipped, .. } = &lines[at];
        skipped
            + text
                .char_indices()
                .nth(chars)
                .map_or(text.len(), |(byte, _)| byte)
    })
}

#[cfg(test)]
mod tests {
    use super::{byte_column, with_source};

    #[test]
    fn columns_on_wide_lines_become_byte_offsets() {
        with_source("let a = 1;\nlet 名前 = \"é\"; f(x);\n", || {
            assert_eq!(byte_column(1, 4), 4, "an ASCII line is as it was");
            assert_eq!(byte_column(2, 4), 4, "before the wide characters");
            assert_eq!(byte_column(2, 6), 10, "after two 3-byte characters");
            assert_eq!(
                byte_column(2, 99),
                "let 名前 = \"é\"; f(x);".len(),
                "past the end"
            );
            assert_eq!(byte_column(9, 3), 3, "past the last line");
        });
        assert_eq!(byte_column(2, 6), 6, "nothing is kept after the file");
        with_source("\u{feff}fn f() {}\n", || {
            assert_eq!(byte_column(1, 3), 6, "after the byte-order mark");
        });
    }
}
