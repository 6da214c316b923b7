//! Inline purpose annotations: a comment `candor: purpose=marketing.advertising`
//! declares the purpose of the code it stands on or above, in any language's
//! comment syntax.
//!
//! An annotation applies to its own line and the line after it; one in the
//! file's leading comment block (before any code) applies to the whole file.

/// The purposes annotated for `line` (1-based) of `text`.
pub fn purposes_at(text: &str, line: u32) -> Vec<String> {
    let mut out = Vec::new();
    let mut leading = true;
    for (i, l) in text.lines().enumerate() {
        let number = i as u32 + 1;
        let trimmed = l.trim_start();
        let is_comment = ["#", "//", "/*", "*", "--"]
            .iter()
            .any(|c| trimmed.starts_with(c));
        if !trimmed.is_empty() && !is_comment {
            leading = false;
        }
        let Some(found) = annotation(l) else { continue };
        if (leading && is_comment) || number == line || number + 1 == line {
            out.extend(found);
        }
        if number > line {
            break;
        }
    }
    out.sort();
    out.dedup();
    out
}

fn annotation(line: &str) -> Option<Vec<String>> {
    let at = line.find("candor:")?;
    let rest = line[at + "candor:".len()..].trim_start();
    let value = rest.strip_prefix("purpose=")?;
    let value: String = value
        .chars()
        .take_while(|c| c.is_alphanumeric() || matches!(c, '_' | '.' | ','))
        .collect();
    Some(
        value
            .split(',')
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::purposes_at;

    #[test]
    fn line_file_and_scope() {
        let text = "# candor: purpose=analytics.reporting\nimport x\n\n# candor: purpose=marketing.advertising,sales\nsend(email)\nother(email)  // candor: purpose=essential.service\n";
        assert_eq!(
            purposes_at(text, 5),
            ["analytics.reporting", "marketing.advertising", "sales"]
        );
        assert_eq!(
            purposes_at(text, 6),
            ["analytics.reporting", "essential.service"]
        );
        assert_eq!(purposes_at(text, 2), ["analytics.reporting"]);
        assert!(purposes_at("x = 1\n# candor: purpose=sales\n", 1).is_empty());
        assert!(purposes_at("log(email)  # candor: purposes=sales\n", 1).is_empty());
    }
}
