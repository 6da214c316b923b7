//! Callee globs: dotted paths with `*` (one segment), `**` (any number of
//! segments), `{a,b}` alternatives and `[A-Z]` classes, compiled to regexes.

/// Translates a glob into an anchored regular expression. Every load of
/// the rules translates thousands of globs, so this reads bytes (every
/// character with a meaning in a glob is ASCII) and sizes its output once.
pub fn to_regex(glob: &str) -> Result<String, String> {
    let bytes = glob.as_bytes();
    let mut re = String::with_capacity(2 * glob.len() + 16);
    re.push('^');
    let mut i = 0;
    let mut in_braces = false;
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b'*' if bytes.get(i + 1) == Some(&b'*') => {
                // `**.` at a segment start may match nothing at all.
                if bytes.get(i + 2) == Some(&b'.') {
                    re.push_str(r"(?:.*\.)?");
                    i += 3;
                } else if i > 0 && bytes[i - 1] == b'.' && re.ends_with(r"\.") {
                    re.truncate(re.len() - 2);
                    re.push_str(r"(?:\..*)?");
                    i += 2;
                } else {
                    re.push_str(".*");
                    i += 2;
                }
                continue;
            }
            b'*' => re.push_str(r"[^.]*"),
            b'{' if !in_braces => {
                in_braces = true;
                re.push_str("(?:");
            }
            b'}' if in_braces => {
                in_braces = false;
                re.push(')');
            }
            b',' if in_braces => re.push('|'),
            b'[' => {
                let end = bytes[i..]
                    .iter()
                    .position(|&c| c == b']')
                    .ok_or("unclosed `[`")?;
                re.push_str(&glob[i..=i + end]);
                i += end + 1;
                continue;
            }
            b'_' | b'-' | b'/' | b'!' | b'@' => re.push(char::from(b)),
            b'.' | b'(' | b')' | b'$' => {
                re.push('\\');
                re.push(char::from(b));
            }
            _ if b.is_ascii_alphanumeric() => re.push(char::from(b)),
            _ if !b.is_ascii() => {
                // A letter or digit of another script (`微信.发送`).
                let c = glob[i..].chars().next().unwrap_or_default();
                if !c.is_alphanumeric() {
                    return Err(format!("unexpected `{c}` in glob"));
                }
                re.push(c);
                i += c.len_utf8();
                continue;
            }
            _ => return Err(format!("unexpected `{}` in glob", char::from(b))),
        }
        i += 1;
    }
    if in_braces {
        return Err("unclosed `{`".into());
    }
    re.push('$');
    Ok(re)
}

#[cfg(test)]
mod tests {
    use super::to_regex;
    use regex::Regex;

    fn matches(glob: &str, path: &str) -> bool {
        Regex::new(&to_regex(glob).unwrap()).unwrap().is_match(path)
    }

    #[test]
    fn stars_and_alternatives() {
        assert!(matches("logging.{info,debug}", "logging.info"));
        assert!(!matches("logging.{info,debug}", "logging.warning"));
        assert!(matches("**.logger.info", "logger.info"));
        assert!(matches("**.logger.info", "self.logger.info"));
        assert!(!matches("**.logger.info", "self.xlogger.info"));
        assert!(matches("stripe.*.create", "stripe.Customer.create"));
        assert!(!matches("stripe.*.create", "stripe.a.b.create"));
        assert!(matches(
            "go.uber.org/zap.**.Info",
            "go.uber.org/zap.NewProduction().Sugar().Info"
        ));
        assert!(matches("open().write", "open().write"));
        assert!(matches("[A-Z]*.create", "User.create"));
        assert!(!matches("[A-Z]*.create", "queue.create"));
        assert!(matches("a.**", "a"));
        assert!(matches("a.**", "a.b.c"));
        assert!(matches("println!", "println!"));
        assert!(matches("prisma.$executeRaw", "prisma.$executeRaw"));
        assert!(!matches("prisma.$executeRaw", "prisma."));
        assert!(matches("**.微信.发送", "api.微信.发送"));
        assert!(!matches("**.微信.发送", "api.微信x.发送"));
    }

    #[test]
    fn bad_globs_are_errors() {
        assert!(to_regex("a.{b").is_err());
        assert!(to_regex("a[").is_err());
        assert!(to_regex("a+b").is_err());
        assert!(to_regex("a.—").is_err(), "a dash of another script");
        assert!(to_regex("a}").is_err());
    }
}
