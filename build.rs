//! Embeds every file under `rules/` into the binary so that candor needs no
//! files at run time; `--rules DIR` adds to them or replaces some. Each file
//! is embedded as the JSON of its YAML, which a scan reads many times
//! faster (reading the rules' YAML was most of a pre-commit run), with the
//! fingerprint of them all worked out here rather than at every start. Also
//! names the build by a hash of its sources (`CANDOR_BUILD_ID`), so that
//! the analysis cache of one build is never read by another.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::{env, fs};

use sha2::{Digest, Sha256};

fn main() {
    let root =
        PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let rules = root.join("rules");
    println!("cargo:rerun-if-changed=rules");
    let mut files = Vec::new();
    let rule_file = |p: &Path| p.extension().is_some_and(|e| e == "yml" || e == "yaml");
    collect(&rules, &rule_file, &mut files);
    files.sort();
    let mut out = String::from(
        "/// Rule files embedded at build time: (path below rules/, the JSON of its YAML).\npub static EMBEDDED_RULES: &[(&str, &str)] = &[\n",
    );
    let mut fingerprint = Sha256::new();
    for file in files {
        println!("cargo:rerun-if-changed={}", file.display());
        let rel = file
            .strip_prefix(&rules)
            .expect("below rules/")
            .to_string_lossy()
            .replace('\\', "/");
        let yaml = fs::read_to_string(&file).expect("read a rule file");
        let value: serde_json::Value = serde_norway::from_str(&yaml)
            .unwrap_or_else(|e| panic!("rules/{rel} is not valid YAML: {e}"));
        let json = serde_json::to_string(&value).expect("a YAML value is JSON");
        writeln!(out, "    ({rel:?}, {json:?}),").expect("write to string");
        // As `rules::fingerprint` frames the files the analysis reads.
        if !rel.starts_with("policy-text/") && rel != "obligations.yml" {
            for part in [&rel, &json] {
                fingerprint.update((part.len() as u64).to_le_bytes());
                fingerprint.update(part.as_bytes());
            }
        }
    }
    out.push_str("];\n");
    writeln!(
        out,
        "/// `rules::fingerprint` of [`EMBEDDED_RULES`].\npub static EMBEDDED_FINGERPRINT: &str = {:?};",
        format!("{:x}", fingerprint.finalize())
    )
    .expect("write to string");
    let dest =
        PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("embedded_rules.rs");
    fs::write(dest, out).expect("write embedded_rules.rs");
    println!(
        "cargo:rustc-env=CANDOR_BUILD_ID={:016x}",
        source_hash(&root)
    );
}

/// A hash of the sources and the lock file: a different analysis gives a
/// different id even where the version number stays the same.
fn source_hash(root: &Path) -> u64 {
    use std::hash::{Hash, Hasher};
    println!("cargo:rerun-if-changed=src");
    println!("cargo:rerun-if-changed=Cargo.lock");
    let mut files = Vec::new();
    collect(&root.join("src"), &|_| true, &mut files);
    files.push(root.join("Cargo.lock"));
    files.sort();
    let mut hasher = std::hash::DefaultHasher::new();
    for file in files {
        file.strip_prefix(root).unwrap_or(&file).hash(&mut hasher);
        fs::read(&file).unwrap_or_default().hash(&mut hasher);
    }
    hasher.finish()
}

/// The files below `dir` that `keep` accepts; cargo reruns this script
/// when any directory on the way changes.
fn collect(dir: &Path, keep: &dyn Fn(&Path) -> bool, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            println!("cargo:rerun-if-changed={}", path.display());
            collect(&path, keep, out);
        } else if keep(&path) {
            out.push(path);
        }
    }
}
