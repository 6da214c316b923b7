//! Inputs of HTML forms, in plain HTML and in templates.

use super::Field;

/// `name` attributes of `<input>`, `<select>` and `<textarea>` elements.
pub(super) fn form_inputs(text: &str) -> Vec<Field> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let lower = line.to_ascii_lowercase();
        for tag in ["<input", "<select", "<textarea"] {
            let mut from = 0;
            while let Some(p) = lower[from..].find(tag) {
                let start = from + p;
                let end = lower[start..].find('>').map_or(line.len(), |e| start + e);
                let element = &line[start..end];
                if let Some(n) = element.find("name=") {
                    let value = &element[n + 5..];
                    let quote = value.chars().next().filter(|c| *c == '"' || *c == '\'');
                    let body = if quote.is_some() { &value[1..] } else { value };
                    let len = body
                        .find(|c: char| Some(c) == quote || c.is_whitespace() || c == '>')
                        .unwrap_or(body.len());
                    let name = &body[..len];
                    if !name.is_empty() {
                        let col = start + n + 5 + usize::from(quote.is_some());
                        out.push(Field {
                            owner: "form".into(),
                            name: name.to_string(),
                            line: i as u32 + 1,
                            col: col as u32,
                            what: None,
                        });
                    }
                }
                from = end.max(start + 1);
            }
        }
    }
    out
}
