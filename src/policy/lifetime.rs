//! How long code keeps what it writes, read from the expression that gives
//! a cookie's or cache entry's lifetime: `60 * 60 * 24 * 365`,
//! `timedelta(days=30)`, `datetime.now() + timedelta(days=30)`,
//! `24 * time.Hour`, `Duration.ofDays(30)`, `30.days.from_now`, `"7d"`,
//! `time() + 3600`. The words for units and for "now" are data
//! (`rules/obligations.yml`).
//!
//! The expression is read from its source text with a small arithmetic
//! parser: the IR keeps no operators. Anything else (a constant's name, a
//! setting, a call it does not know) gives no value, so the check judges
//! nothing rather than guess.

use std::cell::Cell;

use crate::rules::ObligationsFile;

/// An expression's value: a plain number (in the unit of the argument it
/// is given to), a time in seconds (written with units), and whether it
/// counts from now (an expiry date rather than a duration).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Quantity {
    pub plain: f64,
    pub seconds: f64,
    pub from_now: bool,
}

impl Quantity {
    fn plain(n: f64) -> Quantity {
        Quantity {
            plain: n,
            ..Quantity::default()
        }
    }

    fn is_plain(&self) -> bool {
        self.seconds == 0.0 && !self.from_now
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Number(f64),
    Word(String),
    Text(String),
    Symbol(char),
}

/// The value of `text`, if it is arithmetic over numbers, units, "now",
/// duration functions and the constants `constant` gives the text of.
pub fn evaluate_with<'t>(
    text: &str,
    words: &ObligationsFile,
    constant: &dyn Fn(&str) -> Option<&'t str>,
) -> Option<Quantity> {
    evaluate_at(text, words, constant, 0, &Cell::new(0))
}

/// How many constants deep a value is followed.
const MAX_CONSTANT_DEPTH: u32 = 4;

/// How many constants one value may read in all: a file that defines each
/// constant as a sum of the one before cannot make it exponential.
const MAX_CONSTANT_LOOKUPS: u32 = 16;

/// The longest text read as a lifetime: anything longer is no expression
/// a lifetime is written as.
const MAX_TEXT: usize = 1024;

fn evaluate_at<'t>(
    text: &str,
    words: &ObligationsFile,
    constant: &dyn Fn(&str) -> Option<&'t str>,
    constants_deep: u32,
    lookups: &Cell<u32>,
) -> Option<Quantity> {
    if text.len() > MAX_TEXT {
        return None;
    }
    let tokens = tokenize(text)?;
    let mut parser = Parser {
        tokens: &tokens,
        at: 0,
        words,
        depth: 0,
        constant,
        constants_deep,
        lookups,
    };
    let value = parser.sum()?;
    (parser.at == tokens.len()).then_some(value)
}

fn tokenize(text: &str) -> Option<Vec<Token>> {
    const MAX_TOKENS: usize = 200;
    let mut out = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if out.len() >= MAX_TOKENS {
            return None;
        }
        if c.is_whitespace() {
            i += 1;
        } else if c.is_ascii_digit() {
            let start = i;
            while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == '_') {
                i += 1;
            }
            // A decimal point followed by a digit; `30.days` is a member.
            if i + 1 < chars.len() && chars[i] == '.' && chars[i + 1].is_ascii_digit() {
                i += 1;
                while i < chars.len() && chars[i].is_ascii_digit() {
                    i += 1;
                }
            }
            let digits: String = chars[start..i].iter().filter(|c| **c != '_').collect();
            // Type suffixes: `3600L`, `30u64`, `1.5f`, `30m` (C# decimal).
            while i < chars.len()
                && matches!(chars[i], 'L' | 'l' | 'u' | 'U' | 'f' | 'F' | 'm' | 'M')
            {
                i += 1;
                while i < chars.len() && chars[i].is_ascii_digit() {
                    i += 1;
                }
            }
            out.push(Token::Number(digits.parse().ok()?));
        } else if c.is_alphabetic() || c == '_' || c == '$' {
            let start = i;
            while i < chars.len()
                && (chars[i].is_alphanumeric() || chars[i] == '_' || chars[i] == '$')
            {
                i += 1;
            }
            out.push(Token::Word(chars[start..i].iter().collect()));
        } else if c == '"' || c == '\'' || c == '`' {
            let end = chars[i + 1..].iter().position(|x| *x == c)? + i + 1;
            out.push(Token::Text(chars[i + 1..end].iter().collect()));
            i = end + 1;
        } else if (c == ':' && chars.get(i + 1) == Some(&':'))
            || (c == '-' && chars.get(i + 1) == Some(&'>'))
        {
            // `Duration::days`, PHP's `now()->addDays(30)`.
            out.push(Token::Symbol('.'));
            i += 2;
        } else if "+-*/().,=&".contains(c) {
            // `&` of Go's `&http.Cookie{..}` and Rust's `&x` change nothing.
            if c != '&' {
                out.push(Token::Symbol(c));
            }
            i += 1;
        } else if c == ';' && i + 1 == chars.len() {
            i += 1;
        } else {
            return None;
        }
    }
    Some(out)
}

struct Parser<'a, 't> {
    tokens: &'a [Token],
    at: usize,
    words: &'a ObligationsFile,
    depth: u32,
    constant: &'a dyn Fn(&str) -> Option<&'t str>,
    constants_deep: u32,
    lookups: &'a Cell<u32>,
}

impl Parser<'_, '_> {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.at)
    }

    fn eat(&mut self, symbol: char) -> bool {
        if self.peek() == Some(&Token::Symbol(symbol)) {
            self.at += 1;
            true
        } else {
            false
        }
    }

    fn sum(&mut self) -> Option<Quantity> {
        self.depth += 1;
        if self.depth > 32 {
            return None;
        }
        let mut value = self.product()?;
        loop {
            let sign = if self.eat('+') {
                1.0
            } else if self.eat('-') {
                -1.0
            } else {
                break;
            };
            let next = self.product()?;
            value.plain += sign * next.plain;
            value.seconds += sign * next.seconds;
            value.from_now |= next.from_now;
        }
        self.depth -= 1;
        Some(value)
    }

    fn product(&mut self) -> Option<Quantity> {
        let mut value = self.postfix()?;
        loop {
            if self.eat('*') {
                let next = self.postfix()?;
                value = match (value.is_plain(), next.is_plain()) {
                    (true, _) => scale(next, value.plain),
                    (_, true) => scale(value, next.plain),
                    _ => return None,
                };
            } else if self.eat('/') {
                let next = self.postfix()?;
                if !next.is_plain() || next.plain == 0.0 {
                    return None;
                }
                value = scale(value, 1.0 / next.plain);
            } else {
                return Some(value);
            }
        }
    }

    /// A primary followed by members and calls: `30.days.from_now`,
    /// `time.Now().Add(24 * time.Hour)`, `DateTime.Now.AddDays(30)`.
    fn postfix(&mut self) -> Option<Quantity> {
        let (mut value, mut path) = match self.peek()?.clone() {
            Token::Number(n) => {
                self.at += 1;
                (Some(Quantity::plain(n)), String::new())
            }
            Token::Text(t) => {
                self.at += 1;
                let seconds = self.words.duration(&t)?;
                let has_unit = t.trim().ends_with(|c: char| c.is_alphabetic());
                let q = if has_unit {
                    Quantity {
                        seconds,
                        ..Quantity::default()
                    }
                } else {
                    Quantity::plain(seconds)
                };
                (Some(q), String::new())
            }
            // A cast: `(int) Duration.ofDays(30).toSeconds()`.
            Token::Symbol('(')
                if matches!(self.tokens.get(self.at + 1), Some(Token::Word(_)))
                    && self.tokens.get(self.at + 2) == Some(&Token::Symbol(')'))
                    && matches!(
                        self.tokens.get(self.at + 3),
                        Some(Token::Word(_) | Token::Number(_) | Token::Symbol('('))
                    ) =>
            {
                self.at += 3;
                return self.postfix();
            }
            Token::Symbol('(') => {
                self.at += 1;
                let inner = self.sum()?;
                self.eat(')').then_some(())?;
                (Some(inner), String::new())
            }
            Token::Symbol('-') => {
                self.at += 1;
                let inner = self.postfix()?;
                return Some(scale(inner, -1.0));
            }
            Token::Word(w) if w == "new" => {
                self.at += 1;
                return self.postfix();
            }
            Token::Word(w) => {
                self.at += 1;
                (None, w)
            }
            _ => return None,
        };
        loop {
            if self.eat('.') {
                let Some(Token::Word(member)) = self.peek().cloned() else {
                    return None;
                };
                self.at += 1;
                match value {
                    // `30.days`, `1.year.from_now`, `x.seconds`.
                    Some(v) if self.peek() != Some(&Token::Symbol('(')) => {
                        value = Some(self.member_of(v, &member)?);
                    }
                    Some(_) => path = member,
                    // `DateTime.Now.AddDays(7)`: now, then a member of it.
                    None if path.contains('.') && self.words.is_now(&path) => {
                        value = Some(Quantity {
                            from_now: true,
                            ..Quantity::default()
                        });
                        path = member;
                    }
                    None => path = format!("{path}.{member}"),
                }
            } else if self.eat('(') {
                let args = self.arguments()?;
                value = Some(self.call(value, &path, args)?);
                path.clear();
            } else {
                break;
            }
        }
        match value {
            Some(v) if path.is_empty() => Some(v),
            Some(_) => None,
            None => self.name(&path),
        }
    }

    /// A member read on a value: a unit (`30.days`), "from now", or a
    /// conversion (`TimeSpan.FromDays(30).TotalSeconds`).
    fn member_of(&self, value: Quantity, member: &str) -> Option<Quantity> {
        if self.words.is_now(member) {
            return Some(Quantity {
                from_now: true,
                ..value
            });
        }
        if !value.is_plain() {
            let unit = self.words.conversion(member)?;
            return (!value.from_now && value.plain == 0.0)
                .then(|| Quantity::plain(value.seconds / unit));
        }
        let unit = self.words.unit_seconds(member)?;
        value.is_plain().then(|| Quantity {
            seconds: value.plain * unit,
            ..Quantity::default()
        })
    }

    /// A name alone: a unit of a package (`time.Hour`) or now
    /// (`DateTime.Now`). A bare `days` is a variable, not a unit.
    fn name(&self, path: &str) -> Option<Quantity> {
        if self.words.is_now(path) {
            return Some(Quantity {
                from_now: true,
                ..Quantity::default()
            });
        }
        let unit = path
            .rsplit_once('.')
            .and_then(|(_, last)| self.words.unit_seconds(last));
        match unit {
            Some(unit) => Some(Quantity {
                seconds: unit,
                ..Quantity::default()
            }),
            // A constant the file defines (`ONE_DAY_MS`, `self::TTL`).
            None if self.constants_deep < MAX_CONSTANT_DEPTH
                && self.lookups.get() < MAX_CONSTANT_LOOKUPS =>
            {
                self.lookups.set(self.lookups.get() + 1);
                let text = (self.constant)(path)?;
                evaluate_at(
                    text,
                    self.words,
                    self.constant,
                    self.constants_deep + 1,
                    self.lookups,
                )
            }
            None => None,
        }
    }

    /// Arguments up to the closing parenthesis, each with its keyword.
    fn arguments(&mut self) -> Option<Vec<(Option<String>, Quantity)>> {
        let mut args = Vec::new();
        if self.eat(')') {
            return Some(args);
        }
        loop {
            let keyword = match (self.peek(), self.tokens.get(self.at + 1)) {
                (Some(Token::Word(w)), Some(Token::Symbol('='))) => {
                    let w = w.clone();
                    self.at += 2;
                    Some(w)
                }
                _ => None,
            };
            args.push((keyword, self.sum()?));
            if self.eat(')') {
                return Some(args);
            }
            self.eat(',').then_some(())?;
        }
    }

    /// A call: now (`datetime.now()`, `new Date()`), a duration function
    /// (`Duration.ofDays(30)`, `timedelta(days=30)`, `now()->addYear()`), a
    /// conversion (`d.toSeconds()`, `(24 * time.Hour).Seconds()`), an
    /// addition to a value (`time.Now().Add(d)`), or a wrapper that gives
    /// back what it is given (`new Date(ms)`, `ms("7d")`). Anything else
    /// gives no value.
    fn call(
        &self,
        receiver: Option<Quantity>,
        path: &str,
        args: Vec<(Option<String>, Quantity)>,
    ) -> Option<Quantity> {
        let words = self.words;
        let last = path.rsplit('.').next().unwrap_or(path);
        let now = Quantity {
            from_now: true,
            ..Quantity::default()
        };
        let timed = |r: &Quantity| !r.from_now && r.plain == 0.0 && r.seconds != 0.0;
        if args.is_empty() && words.is_now(path) {
            // `datetime.now()`; `new Date().getTime()` is still now.
            return match receiver {
                None => Some(now),
                Some(r) if r.from_now => Some(r),
                Some(_) => None,
            };
        }
        if args.iter().any(|(k, _)| k.is_some()) {
            // `timedelta(days=30, hours=1)`.
            let mut seconds = 0.0;
            for (keyword, value) in &args {
                let unit = words.unit_seconds(keyword.as_deref()?)?;
                value.is_plain().then_some(())?;
                seconds += value.plain * unit;
            }
            let q = Quantity {
                seconds,
                ..Quantity::default()
            };
            return Some(add(receiver.unwrap_or_default(), q));
        }
        if let (Some(r), true) = (receiver, args.is_empty()) {
            // `d.toSeconds()`, `td.total_seconds()`, `(24 * time.Hour).Seconds()`.
            let unit = words
                .conversion(last)
                .or_else(|| words.plain_unit_seconds(last));
            if let Some(unit) = unit.filter(|_| timed(&r)) {
                return Some(Quantity::plain(r.seconds / unit));
            }
        }
        if let Some(unit) = words.unit_seconds(last) {
            let base = receiver.unwrap_or_default();
            let value = match args.as_slice() {
                [(_, value)] if value.is_plain() => value.plain,
                // `now()->addYear()`, `x.plusDays()`: one of the unit.
                [] if words.plain_unit_seconds(last).is_none() || base.from_now => 1.0,
                _ => return None,
            };
            let q = Quantity {
                seconds: value * unit,
                ..Quantity::default()
            };
            return Some(add(base, q));
        }
        let [(_, value)] = args.as_slice() else {
            return None;
        };
        let lower = last.to_ascii_lowercase();
        match receiver {
            // `time.Now().Add(d)`, `now.plus(d)`.
            Some(r) if words.duration_prefixes.contains(&lower) => Some(add(r, *value)),
            None if words.is_wrapper(path) => Some(*value),
            _ => None,
        }
    }
}

fn scale(q: Quantity, by: f64) -> Quantity {
    Quantity {
        plain: q.plain * by,
        seconds: q.seconds * by,
        from_now: q.from_now,
    }
}

fn add(a: Quantity, b: Quantity) -> Quantity {
    Quantity {
        plain: a.plain + b.plain,
        seconds: a.seconds + b.seconds,
        from_now: a.from_now || b.from_now,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words() -> ObligationsFile {
        crate::rules::Rules::embedded().unwrap().obligations
    }

    fn evaluate(text: &str, words: &ObligationsFile) -> Option<Quantity> {
        evaluate_with(text, words, &|_| None)
    }

    fn seconds(text: &str, plain_unit: f64) -> Option<f64> {
        let q = evaluate(text, &words())?;
        Some(q.seconds + q.plain * plain_unit)
    }

    #[test]
    fn lifetimes_in_the_forms_code_writes_them() {
        const DAY: f64 = 86400.0;
        assert_eq!(seconds("60 * 60 * 24 * 365", 1.0), Some(365.0 * DAY));
        assert_eq!(seconds("timedelta(days=30)", 1.0), Some(30.0 * DAY));
        assert_eq!(
            seconds("datetime.now() + timedelta(days=30, hours=12)", 1.0),
            Some(30.5 * DAY)
        );
        assert_eq!(seconds("24 * time.Hour * 90", 1e-9), Some(90.0 * DAY));
        assert_eq!(seconds("Duration.ofDays(30)", 1.0), Some(30.0 * DAY));
        assert_eq!(seconds("TimeSpan.FromHours(2)", 1.0), Some(7200.0));
        assert_eq!(seconds("DateTime.Now.AddDays(7)", 1.0), Some(7.0 * DAY));
        assert!(
            evaluate("DateTimeOffset.UtcNow.AddDays(60)", &words())
                .unwrap()
                .from_now
        );
        assert_eq!(
            seconds("time.Now().Add(48 * time.Hour)", 1.0),
            Some(2.0 * DAY)
        );
        assert_eq!(seconds("Duration::from_secs(3600)", 1.0), Some(3600.0));
        assert_eq!(seconds("30.days.from_now", 1.0), Some(30.0 * DAY));
        assert_eq!(seconds("'7d'", 1.0), Some(7.0 * DAY));
        assert_eq!(seconds("\"+30 days\"", 1.0), Some(30.0 * DAY));
        assert_eq!(seconds("time() + 3600 * 24", 1.0), Some(DAY));
        assert_eq!(seconds("1000 * 60 * 60 * 24 * 30", 0.001), Some(30.0 * DAY));
        assert_eq!(
            seconds("new Date(Date.now() + 86_400_000)", 0.001),
            Some(DAY)
        );
        assert_eq!(seconds("86400L", 1.0), Some(DAY));
        assert_eq!(
            seconds("(int) Duration.ofDays(31).toSeconds()", 1.0),
            Some(31.0 * DAY)
        );
        assert_eq!(
            seconds("timedelta(days=2).total_seconds()", 1.0),
            Some(2.0 * DAY)
        );
        assert_eq!(
            seconds("TimeSpan.FromDays(3).TotalSeconds", 1.0),
            Some(3.0 * DAY)
        );
        assert_eq!(seconds("now()->addYear()", 1.0), Some(365.0 * DAY));
        assert_eq!(seconds("now()->addMinutes(5)", 1.0), Some(300.0));
        assert_eq!(seconds("(24 * time.Hour).Seconds()", 1.0), Some(DAY));
        assert_eq!(seconds("Duration.ofMillis(86_400_000)", 1.0), Some(DAY));
        assert_eq!(
            seconds("new Date(new Date().getTime() + 86400000)", 0.001),
            Some(DAY)
        );
        assert_eq!(seconds("ttl.Hours()", 1.0), None);
        assert_eq!(seconds("getTtl(60)", 1.0), None);
        assert_eq!(seconds("Math.floor(3600)", 1.0), Some(3600.0));
        let constants = |name: &str| match name {
            "ONE_DAY_MS" => Some("24 * 60 * 60 * 1000"),
            "LOOP" => Some("LOOP * 2"),
            _ => None,
        };
        let q = evaluate_with("30 * ONE_DAY_MS", &words(), &constants).unwrap();
        assert_eq!(q.plain * 1e-3, 30.0 * DAY);
        assert_eq!(evaluate_with("LOOP", &words(), &constants), None);
        // Each constant the sum of the one before: bounded, not exponential.
        let sums = |name: &str| match name {
            "A" => Some("B+B+B+B+B+B+B+B+B+B+B+B+B+B+B+B+B+B+B+B"),
            "B" => Some("C+C+C+C+C+C+C+C+C+C+C+C+C+C+C+C+C+C+C+C"),
            "C" => Some("D+D+D+D+D+D+D+D+D+D+D+D+D+D+D+D+D+D+D+D"),
            "D" => Some("1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1"),
            _ => None,
        };
        assert_eq!(evaluate_with("A+A+A+A+A+A+A+A+A+A", &words(), &sums), None);
    }

    #[test]
    fn what_it_cannot_tell_gives_nothing() {
        for text in [
            "COOKIE_AGE",
            "settings.SESSION_COOKIE_AGE",
            "ttl(user)",
            "a * b",
            "timedelta(days=n)",
            "\"unclosed",
            "(((((",
            "x if y else z",
            "",
        ] {
            assert_eq!(seconds(text, 1.0), None, "{text}");
        }
        let deep = format!("{}1{}", "(".repeat(5000), ")".repeat(5000));
        assert_eq!(seconds(&deep, 1.0), None);
    }
}
