//! The layering guard: each top-level module of the core imports only modules declared
//! before it in `lib.rs` (lowest first), so no import cycle can come back; the calendar
//! imports nothing of the crate. The same order is the map of ARCHITECTURE.md.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

const SRC: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src");
const ARCHITECTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../ARCHITECTURE.md");

/// Modules with no place in the order: they sit on top and may import anything.
const TOP: [&str; 1] = ["testing"];
/// Leaves: they import nothing of the crate.
const LEAVES: [&str; 1] = ["calendar"];

/// The layer order: the `mod` declarations of lib.rs, in order.
fn layers() -> Vec<String> {
    let lib = fs::read_to_string(Path::new(SRC).join("lib.rs")).unwrap();
    lib.lines()
        .map(str::trim)
        .filter_map(|l| {
            let l = l.strip_prefix("pub ").unwrap_or(l);
            let name = l.strip_prefix("mod ")?.strip_suffix(';')?;
            (!TOP.contains(&name)).then(|| name.to_string())
        })
        .collect()
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The crate modules a file names: `crate::x`, `crate::{x, y::z}`, and `super::` that
/// leaves its top-level module (from `x/mod.rs` or `x.rs`).
fn imports(text: &str, escapes_with_super: bool) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for line in text.lines().map(str::trim) {
        if line.starts_with("//") {
            continue;
        }
        let mut rest = line;
        while let Some(i) = rest.find("crate::") {
            rest = &rest[i + "crate::".len()..];
            if let Some(group) = rest.strip_prefix('{') {
                let inner = group.split('}').next().unwrap_or("");
                for item in inner.split(',') {
                    let name: String = item
                        .trim()
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect();
                    out.insert(name);
                }
            } else {
                let name: String = rest
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                out.insert(name);
            }
        }
        if escapes_with_super && line.contains("super::") && !line.contains("use super::*") {
            out.insert("super".into());
        }
    }
    out.retain(|n| !n.is_empty());
    out
}

#[test]
fn every_module_imports_only_lower_layers() {
    let layers = layers();
    assert!(layers.len() >= 10, "lib.rs declares the layers: {layers:?}");
    let mut files = Vec::new();
    rust_files(Path::new(SRC), &mut files);
    let mut violations = Vec::new();
    for f in &files {
        let rel = f.strip_prefix(SRC).unwrap();
        let first = rel
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy();
        let module = first.trim_end_matches(".rs").to_string();
        if module == "lib" || TOP.contains(&module.as_str()) {
            continue;
        }
        let Some(rank) = layers.iter().position(|l| *l == module) else {
            violations.push(format!("{} is not declared in lib.rs", rel.display()));
            continue;
        };
        // `super::` from the module's own root file reaches the crate root.
        let root_file = rel.components().count() == 1
            || rel.ends_with("mod.rs") && rel.components().count() == 2;
        let text = fs::read_to_string(f).unwrap();
        for used in imports(&text, root_file) {
            if used == module {
                continue;
            }
            let ok = !LEAVES.contains(&module.as_str())
                && layers
                    .iter()
                    .position(|l| *l == used)
                    .is_some_and(|r| r < rank);
            if !ok {
                violations.push(format!("{} ({module}) imports {used}", rel.display()));
            }
        }
    }
    assert!(
        violations.is_empty(),
        "layering violations (a module may import only modules declared before it in lib.rs):\n{}",
        violations.join("\n")
    );
}

#[test]
fn the_guard_sees_every_import_form() {
    let text = "use crate::base::Lang;\nuse crate::{error::Code, input};\n// crate::render in a comment\nlet x = crate::rules::one_stop(a);\nuse super::X;";
    let got: Vec<String> = imports(text, true).into_iter().collect();
    assert_eq!(got, ["base", "error", "input", "rules", "super"]);
    assert!(imports("use super::levels::Tri;", false).is_empty());
}

#[test]
fn architecture_md_lists_the_layers_in_order() {
    let doc = fs::read_to_string(ARCHITECTURE).unwrap();
    let mut at = 0;
    for l in layers() {
        // A layer is a folder (`name/`) or a single file (`name.rs`).
        let (dir, file) = (format!("`{l}/`"), format!("`{l}.rs`"));
        let found = [&dir, &file]
            .iter()
            .filter_map(|n| doc[at..].find(n.as_str()).map(|i| (i, n.len())))
            .min()
            .unwrap_or_else(|| {
                panic!("ARCHITECTURE.md should name {dir} after the layers before it")
            });
        at += found.0 + found.1;
    }
}
