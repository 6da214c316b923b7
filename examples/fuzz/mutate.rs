//! Mutations of real inputs, as a broken or hostile repository presents
//! them: bytes and spans deleted, duplicated, spliced in from other files or
//! swapped; brackets, quotes and odd characters inserted; lines repeated;
//! spans nested deep; files cut short. Deterministic for a seed.

/// A small, fast, deterministic generator (SplitMix64).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }

    pub fn chance(&mut self, one_in: usize) -> bool {
        self.below(one_in) == 0
    }
}

/// Tokens that break or stretch a parser.
const TOKENS: &[&[u8]] = &[
    b"(",
    b")",
    b"[",
    b"]",
    b"{",
    b"}",
    b"<",
    b">",
    b"\"",
    b"'",
    b"`",
    b"\"\"\"",
    b"/*",
    b"*/",
    b"<!--",
    b"-->",
    b"#",
    b"//",
    b"\\",
    b"${",
    b"%s",
    b"{}",
    b":",
    b";",
    b",",
    b"=",
    b"=>",
    b"->",
    b"::",
    b".",
    b"\n",
    b"\r\n",
    b"\t",
    b" ",
    b"\0",
    b"\xff",
    b"\xc3",
    "é".as_bytes(),
    "手机号".as_bytes(),
    b"email",
    b"phone",
    b"password",
    b"id_number",
    b"user.email",
    b"request.form[\"email\"]",
    b"req.body.email",
    b"logger.info(",
    b"print(",
    b"INSERT INTO t (",
    b"UPDATE users SET ",
    b" WHERE ",
    b"VALUES (",
    b"https://",
    b"http://api.example.com/",
    b"def ",
    b"class ",
    b"function ",
    b"fn ",
    b"func ",
    b"import ",
    b"return ",
    b"if ",
    b"new ",
    b"this.",
    b"self.",
    b"$ref",
    b"openapi: 3.0.0\n",
    b"- ",
    b"  ",
    b"...",
    b"!",
    b"@",
    b"*",
    b"**",
    b"&",
    b"|",
    b"?",
    b"0x",
    b"1e999",
];

/// One mutant of `input`, with `others` to splice from.
pub fn mutate(rng: &mut Rng, input: &[u8], others: &[&[u8]]) -> Vec<u8> {
    let mut out = input.to_vec();
    let ops = 1 + rng.below(6);
    for _ in 0..ops {
        mutate_once(rng, &mut out, others);
    }
    out
}

fn span(rng: &mut Rng, len: usize) -> (usize, usize) {
    let start = rng.below(len + 1);
    let max = (len - start).min(if rng.chance(4) { 4096 } else { 64 });
    let end = start + rng.below(max + 1);
    (start, end)
}

fn mutate_once(rng: &mut Rng, out: &mut Vec<u8>, others: &[&[u8]]) {
    let len = out.len();
    match rng.below(11) {
        // Delete a span.
        0 => {
            let (a, b) = span(rng, len);
            out.drain(a..b);
        }
        // Duplicate a span somewhere.
        1 => {
            let (a, b) = span(rng, len);
            let copy = out[a..b].to_vec();
            let at = rng.below(out.len() + 1);
            out.splice(at..at, copy);
        }
        // Insert a token, maybe many times.
        2 | 3 => {
            let token = TOKENS[rng.below(TOKENS.len())];
            let times = if rng.chance(8) { 1 + rng.below(300) } else { 1 };
            let at = rng.below(len + 1);
            let piece: Vec<u8> = token.repeat(times);
            out.splice(at..at, piece);
        }
        // Splice a span of another input in.
        4 => {
            if let Some(other) = others.get(rng.below(others.len())) {
                let (a, b) = span(rng, other.len());
                let at = rng.below(len + 1);
                out.splice(at..at, other[a..b].iter().copied());
            }
        }
        // Cut the file short.
        5 => {
            let at = rng.below(len + 1);
            out.truncate(at);
        }
        // Repeat one line many times.
        6 => {
            let at = rng.below(len + 1);
            let start = out[..at]
                .iter()
                .rposition(|&c| c == b'\n')
                .map_or(0, |i| i + 1);
            let end = out[at..]
                .iter()
                .position(|&c| c == b'\n')
                .map_or(len, |i| at + i + 1);
            let line = out[start..end].to_vec();
            let most = if rng.chance(4) { 2000 } else { 40 };
            let times = 1 + rng.below(most);
            let mut piece = Vec::with_capacity(line.len() * times);
            for _ in 0..times {
                piece.extend_from_slice(&line);
                if !line.ends_with(b"\n") {
                    piece.push(b'\n');
                }
            }
            out.splice(end..end, piece);
        }
        // Flip bytes.
        7 => {
            for _ in 0..1 + rng.below(8) {
                if !out.is_empty() {
                    let i = rng.below(out.len());
                    out[i] ^= 1 << rng.below(8);
                }
            }
        }
        // Swap two spans.
        8 => {
            let (a, b) = span(rng, len);
            let (c, d) = span(rng, len);
            if b <= c {
                let first = out[a..b].to_vec();
                let second = out[c..d].to_vec();
                out.splice(c..d, first);
                out.splice(a..b, second);
            }
        }
        // Nest a span deep in brackets.
        9 => {
            let (a, b) = span(rng, len);
            let (open, close) = [
                ("(", ")"),
                ("[", "]"),
                ("{", "}"),
                ("f(", ")"),
                ("<a>", "</a>"),
            ][rng.below(5)];
            let deepest = if rng.chance(3) { 5000 } else { 50 };
            let depth = 1 + rng.below(deepest);
            out.splice(b..b, close.repeat(depth).into_bytes());
            out.splice(a..a, open.repeat(depth).into_bytes());
        }
        // Grow one line very long.
        _ => {
            let at = rng.below(len + 1);
            let (a, b) = span(rng, len);
            let piece = out[a..b].repeat(1 + rng.below(2000));
            let piece: Vec<u8> = piece.into_iter().filter(|&c| c != b'\n').collect();
            out.splice(at..at, piece);
        }
    }
    // Inputs stay within the scanner's default file-size limit.
    out.truncate(1 << 20);
}
