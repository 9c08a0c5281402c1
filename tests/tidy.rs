//! Tidy checks over the source tree, run with the native `cargo test`.
//!
//! They keep the architecture honest: the pure core (everything outside
//! `src/platform/` and `src/ui/`) never names a browser or UI crate, and every
//! source file opens with a `//!` comment that says what it is for.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::{Path, PathBuf};

/// Crates that only the browser shell may name.
const SHELL_ONLY_CRATES: [&str; 4] = ["leptos", "web_sys", "gloo_storage", "wasm_bindgen"];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            out.push(path);
        }
    }
}

/// Tells whether `relative` (a path under the crate root, with `/`) belongs to
/// the browser shell.
fn is_shell(relative: &str) -> bool {
    relative.starts_with("src/platform/") || relative.starts_with("src/ui/")
}

/// Returns the shell-only crates that `source` names in code. Comments are
/// skipped: a core module may explain that it has no browser types.
fn named_shell_crates(source: &str) -> Vec<&'static str> {
    let code: String = source
        .lines()
        .map(|line| match line.find("//") {
            Some(at) => &line[..at],
            None => line,
        })
        .collect::<Vec<_>>()
        .join("\n");
    SHELL_ONLY_CRATES
        .iter()
        .copied()
        .filter(|name| {
            code.match_indices(name).any(|(at, _)| {
                let before = code[..at].chars().next_back();
                let after = code[at + name.len()..].chars().next();
                let is_ident = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
                !is_ident(before) && !is_ident(after)
            })
        })
        .collect()
}

/// Tells whether `source` opens with a `//!` module comment.
fn opens_with_module_doc(source: &str) -> bool {
    source.trim_start().starts_with("//!")
}

fn problems_in(root: &Path) -> Vec<String> {
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    rust_files(&root.join("tests"), &mut files);
    let mut problems = Vec::new();
    for path in files {
        let relative = path
            .strip_prefix(root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let source = fs::read_to_string(&path).unwrap();
        if !opens_with_module_doc(&source) {
            problems.push(format!(
                "{relative}: does not open with a `//!` comment saying what it is for"
            ));
        }
        if relative.starts_with("src/") && !is_shell(&relative) {
            for name in named_shell_crates(&source) {
                problems.push(format!(
                    "{relative}: core module names `{name}`; only src/platform/ and src/ui/ may"
                ));
            }
        }
        if relative.starts_with("src/ui/") {
            for name in named_shell_crates(&source)
                .into_iter()
                .filter(|name| *name != "leptos")
            {
                problems.push(format!(
                    "{relative}: the interface names `{name}`; only src/platform/ touches the browser"
                ));
            }
        }
    }
    problems
}

#[test]
fn source_tree_is_tidy() {
    let problems = problems_in(Path::new(env!("CARGO_MANIFEST_DIR")));
    assert!(
        problems.is_empty(),
        "tidy problems:\n{}",
        problems.join("\n")
    );
}

#[test]
fn tidy_catches_a_core_module_that_names_leptos() {
    assert_eq!(
        named_shell_crates("use leptos::prelude::*;"),
        vec!["leptos"]
    );
    assert_eq!(
        named_shell_crates("let w = web_sys::window();"),
        vec!["web_sys"]
    );
    assert_eq!(
        named_shell_crates("#[wasm_bindgen]\nfn f() {}"),
        vec!["wasm_bindgen"]
    );
    assert_eq!(
        named_shell_crates("gloo_storage::LocalStorage::raw()"),
        vec!["gloo_storage"]
    );
}

#[test]
fn tidy_ignores_comments_and_longer_identifiers() {
    assert!(named_shell_crates("// no web_sys here\nfn f() {}").is_empty());
    assert!(named_shell_crates("let leptos_like = 1;").is_empty());
    assert!(named_shell_crates("mod not_wasm_bindgen_x;").is_empty());
}

#[test]
fn tidy_catches_a_file_without_a_module_comment() {
    assert!(opens_with_module_doc("//! What this is for.\nfn f() {}"));
    assert!(!opens_with_module_doc("// A plain comment.\nfn f() {}"));
    assert!(!opens_with_module_doc("fn f() {}"));
}

#[test]
fn tidy_knows_which_folders_are_the_shell() {
    assert!(is_shell("src/platform/storage.rs"));
    assert!(is_shell("src/ui/app.rs"));
    assert!(!is_shell("src/text.rs"));
    assert!(!is_shell("src/model/mod.rs"));
}
