//! Callee globs: dotted paths with `*` (one segment), `**` (any number of
//! segments), `{a,b}` alternatives and `[A-Z]` classes, compiled to regexes.

/// Translates a glob into an anchored regular expression.
pub fn to_regex(glob: &str) -> Result<String, String> {
    let mut re = String::from("^");
    let chars: Vec<char> = glob.chars().collect();
    let mut i = 0;
    let mut in_braces = false;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '*' if chars.get(i + 1) == Some(&'*') => {
                // `**.` at a segment start may match nothing at all.
                if chars.get(i + 2) == Some(&'.') {
                    re.push_str(r"(?:.*\.)?");
                    i += 3;
                } else if i > 0 && chars[i - 1] == '.' && re.ends_with(r"\.") {
                    re.truncate(re.len() - 2);
                    re.push_str(r"(?:\..*)?");
                    i += 2;
                } else {
                    re.push_str(".*");
                    i += 2;
                }
                continue;
            }
            '*' => re.push_str(r"[^.]*"),
            '{' if !in_braces => {
                in_braces = true;
                re.push_str("(?:");
            }
            '}' if in_braces => {
                in_braces = false;
                re.push(')');
            }
            ',' if in_braces => re.push('|'),
            '[' => {
                let end = chars[i..]
                    .iter()
                    .position(|&c| c == ']')
                    .ok_or("unclosed `[`")?;
                re.extend(&chars[i..=i + end]);
                i += end + 1;
                continue;
            }
            c if c.is_alphanumeric()
                || c == '_'
                || c == '-'
                || c == '/'
                || c == '!'
                || c == '@'
                || c == '$' =>
            {
                re.push(c)
            }
            '.' | '(' | ')' => {
                re.push('\\');
                re.push(c);
            }
            other => return Err(format!("unexpected `{other}` in glob")),
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
    }

    #[test]
    fn bad_globs_are_errors() {
        assert!(to_regex("a.{b").is_err());
        assert!(to_regex("a[").is_err());
        assert!(to_regex("a+b").is_err());
    }
}
