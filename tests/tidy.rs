//! Tidy checks over the source tree, run with the native `cargo test`.
//!
//! They keep the architecture honest: the pure core (everything outside
//! `src/platform/` and `src/ui/`) never names a browser or UI crate; every
//! source file opens with a `//!` comment that says what it is for;
//! Vietnamese words in code live in `i18n`, `rules` or data; storage keys
//! are spelled only in `src/persist/`; every `Msg` is shown somewhere; only
//! a handful of named components subscribe to the whole document, and only
//! the store applies edits; the stylesheet keeps each column's
//! containment; every invariant of ARCHITECTURE.md names a test that
//! exists; docs/rulesets.md names every field of `LayoutRules`; and the
//! `dev` script makes `target/` before it writes a log there. Each check
//! has a test on a snippet showing that it can fail.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use std::fs;
use std::ops::Range;
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

// Reading Rust source: code, comments and string literals told apart.

/// A string literal in code: the line it starts on (from 1), the byte
/// offset of its opening, and its text between the quotes, escapes left as
/// written.
#[derive(Clone, Debug, PartialEq)]
struct Literal {
    line: usize,
    start: usize,
    text: String,
}

/// A source file with its comments and literals told apart from its code.
struct Lexed {
    /// The source with every comment and every literal's contents blanked
    /// out (same byte offsets, same lines), so that a search in it sees
    /// code only.
    code: String,
    /// The string literals (plain, raw, byte and C strings), in order.
    literals: Vec<Literal>,
}

fn is_ident_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte == b'_' || byte >= 0x80
}

/// If `rest` opens a string literal: the length of its opening (prefix and
/// quote) and, for a raw string, its number of `#`.
fn string_opening(rest: &[u8]) -> Option<(usize, Option<usize>)> {
    let prefix = if rest.starts_with(b"br") || rest.starts_with(b"cr") {
        2
    } else if matches!(rest.first(), Some(b'b' | b'c' | b'r')) {
        1
    } else {
        0
    };
    if prefix > 0 && rest[prefix - 1] == b'r' {
        let hashes = rest[prefix..].iter().take_while(|b| **b == b'#').count();
        return (rest.get(prefix + hashes) == Some(&b'"'))
            .then_some((prefix + hashes + 1, Some(hashes)));
    }
    (rest.get(prefix) == Some(&b'"')).then_some((prefix + 1, None))
}

fn lex(source: &str) -> Lexed {
    let bytes = source.as_bytes();
    let mut code = bytes.to_vec();
    let blank = |code: &mut Vec<u8>, range: Range<usize>| {
        for byte in &mut code[range] {
            if *byte != b'\n' {
                *byte = b' ';
            }
        }
    };
    let mut literals = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let rest = &bytes[i..];
        if rest.starts_with(b"//") {
            let end = rest
                .iter()
                .position(|b| *b == b'\n')
                .map_or(bytes.len(), |at| i + at);
            blank(&mut code, i..end);
            i = end;
        } else if rest.starts_with(b"/*") {
            let (mut depth, mut j) = (0, i);
            while j < bytes.len() {
                if bytes[j..].starts_with(b"/*") {
                    depth += 1;
                    j += 2;
                } else if bytes[j..].starts_with(b"*/") {
                    depth -= 1;
                    j += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    j += 1;
                }
            }
            blank(&mut code, i..j);
            i = j;
        } else if let Some((opening, hashes)) = string_opening(rest)
            .filter(|_| bytes[i] == b'"' || i == 0 || !is_ident_byte(bytes[i - 1]))
        {
            let from = i + opening;
            let (to, closing) = match hashes {
                Some(hashes) => {
                    let mut closing = vec![b'"'];
                    closing.extend(std::iter::repeat_n(b'#', hashes));
                    let to = (from..bytes.len())
                        .find(|&j| bytes[j..].starts_with(&closing))
                        .unwrap_or(bytes.len());
                    (to, closing.len())
                }
                None => {
                    let mut j = from;
                    while j < bytes.len() && bytes[j] != b'"' {
                        j += if bytes[j] == b'\\' { 2 } else { 1 };
                    }
                    (j.min(bytes.len()), 1)
                }
            };
            literals.push(Literal {
                line: line_of(source, i),
                start: i,
                text: source[from..to].to_owned(),
            });
            blank(&mut code, from..to);
            i = (to + closing).min(bytes.len());
        } else if bytes[i] == b'\'' {
            // A character literal ('x', '"', '\''), or a lifetime or label.
            if rest.get(1) == Some(&b'\\') {
                let end = (i + 3..bytes.len())
                    .find(|&j| bytes[j] == b'\'')
                    .unwrap_or(bytes.len());
                blank(&mut code, i + 1..end);
                i = end + 1;
            } else {
                let width = source[i + 1..].chars().next().map_or(0, char::len_utf8);
                if width > 0 && bytes.get(i + 1 + width) == Some(&b'\'') {
                    blank(&mut code, i + 1..i + 1 + width);
                    i += width + 2;
                } else {
                    i += 1;
                }
            }
        } else {
            i += 1;
        }
    }
    Lexed {
        code: String::from_utf8(code).unwrap(),
        literals,
    }
}

/// The line (from 1) of byte `offset` in `source`.
fn line_of(source: &str, offset: usize) -> usize {
    source.as_bytes()[..offset]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
        + 1
}

/// The offset just past the brace that closes the one at `open`.
fn matching_brace(code: &str, open: usize) -> usize {
    let mut depth = 0usize;
    for (at, byte) in code.bytes().enumerate().skip(open) {
        match byte {
            b'{' => depth += 1,
            b'}' => {
                depth -= 1;
                if depth == 0 {
                    return at + 1;
                }
            }
            _ => {}
        }
    }
    code.len()
}

/// The byte ranges of `code` compiled only for tests: each item under
/// `#[cfg(test)]` or `#[cfg(all(test, …))]`.
fn test_regions(code: &str) -> Vec<Range<usize>> {
    let mut regions = Vec::new();
    for pattern in ["#[cfg(test)]", "#[cfg(all(test,"] {
        for (at, _) in code.match_indices(pattern) {
            let item = at + code[at..].find(']').unwrap() + 1;
            let rest = &code[item..];
            let end = match (rest.find('{'), rest.find(';')) {
                (Some(brace), semicolon) if semicolon.is_none_or(|s| brace < s) => {
                    matching_brace(code, item + brace)
                }
                (_, Some(semicolon)) => item + semicolon + 1,
                _ => code.len(),
            };
            regions.push(at..end);
        }
    }
    regions
}

/// Tells whether the whole file at `relative` is test code.
fn is_test_file(relative: &str) -> bool {
    let name = relative.rsplit('/').next().unwrap_or(relative);
    relative.starts_with("tests/") || name == "tests.rs" || name.ends_with("_tests.rs")
}

/// The literals of `source` outside its test modules.
fn code_literals(source: &str) -> Vec<Literal> {
    let lexed = lex(source);
    let tests = test_regions(&lexed.code);
    lexed
        .literals
        .into_iter()
        .filter(|literal| !tests.iter().any(|range| range.contains(&literal.start)))
        .collect()
}

/// The code of `source` outside comments, literals and test modules.
fn non_test_code(source: &str) -> String {
    let code = lex(source).code;
    let mut bytes = code.clone().into_bytes();
    for range in test_regions(&code) {
        for byte in &mut bytes[range] {
            if *byte != b'\n' {
                *byte = b' ';
            }
        }
    }
    String::from_utf8(bytes).unwrap()
}

/// Every `.rs` file under `src/` with its path relative to the crate root
/// (with `/`) and its text.
fn crate_sources() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    files
        .into_iter()
        .map(|path| {
            let relative = path
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            (relative, fs::read_to_string(&path).unwrap())
        })
        .collect()
}

// Reading JSON.

/// The places in `code` (test modules and comments left out) that derive
/// `Deserialize`, by line.
fn derived_deserialize(source: &str) -> Vec<usize> {
    let code = non_test_code(source);
    let mut lines = Vec::new();
    let mut from = 0;
    while let Some(at) = code[from..].find("derive(") {
        let start = from + at;
        let end = code[start..]
            .find(')')
            .map_or(code.len(), |close| start + close);
        if code[start..end].contains("Deserialize") {
            lines.push(line_of(&code, start));
        }
        from = end;
    }
    lines
}

/// The app reads its JSON by hand (`src/model/read.rs`): a derived
/// `Deserialize` brings serde's visitors back into the download (37 KB
/// brotli for the model, docs/performance.md "Size, stop 29").
#[test]
fn no_derived_deserialize_in_the_app() {
    let found: Vec<String> = crate_sources()
        .iter()
        .filter(|(relative, _)| !is_test_file(relative))
        .flat_map(|(relative, source)| {
            derived_deserialize(source)
                .into_iter()
                .map(move |line| format!("{relative}:{line}"))
        })
        .collect();
    assert!(
        found.is_empty(),
        "derived Deserialize (read the type by hand with model::read::FromJson): {found:?}"
    );
}

#[test]
fn tidy_finds_a_derived_deserialize_but_not_in_tests_or_comments() {
    let source = "//! A module.\n// #[derive(Deserialize)] in a comment\n\
        #[derive(Clone, serde::Deserialize)]\nstruct Stored;\n\
        #[derive(Clone, Serialize)]\nstruct Written;\n\
        #[cfg(test)]\nmod tests {\n    #[derive(Deserialize)]\n    struct Case;\n}\n";
    assert_eq!(derived_deserialize(source), vec![3]);
}

// Vietnamese words in code.

/// Tells whether `c` is a Vietnamese letter with a diacritic (precomposed,
/// or one of the combining tone marks of decomposed text), or đ/Đ.
fn is_vietnamese_letter(c: char) -> bool {
    "ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúýĂăĐđĨĩŨũƠơƯư".contains(c)
        || ('\u{1EA0}'..='\u{1EF9}').contains(&c)
        || matches!(c, '\u{300}' | '\u{301}' | '\u{303}' | '\u{309}' | '\u{323}')
}

/// Files and folders whose code may hold Vietnamese words, and why.
/// Everything else takes user-facing words from `i18n::t` and official
/// document wording from `rules`.
const VIETNAMESE_ALLOWED: [(&str, &str); 12] = [
    (
        "src/consolidate/",
        "reads units' reports (\"không có\", unit names) and writes the consolidated report's own wording",
    ),
    (
        "src/i18n.rs",
        "every user-facing string, in Vietnamese and English",
    ),
    (
        "src/import_docx/",
        "reads existing reports from Word files, so it recognises their wording",
    ),
    (
        "src/rules.rs",
        "the official document wording (headings, date line, labels)",
    ),
    (
        "src/template.rs",
        "reads the templates and the seed sample (data)",
    ),
    (
        "src/import_text/",
        "reads existing reports, so it recognises their wording",
    ),
    (
        "src/legacy_encoding.rs",
        "TCVN3 conversion, Vietnamese letters by the table",
    ),
    (
        "src/text.rs",
        "the tables of Vietnamese letters that search folding uses, not words",
    ),
    (
        "src/numbering.rs",
        "the alphabet of point letters a) … đ) …, not words",
    ),
    (
        "src/table/presets.rs",
        "the ready tables' wording, from the official forms (data like templates/)",
    ),
    (
        "src/next_year.rs",
        "recognises the wording of periods, dates and previous-period columns in last year's report",
    ),
    (
        "src/large_report.rs",
        "the text of the generated benchmark report, data like samples/",
    ),
];

/// Vietnamese literals waiting for another branch of issue 14, each by file
/// and a piece of its text. Each must still be there: remove the entry when
/// its literal goes.
const PENDING_VIETNAMESE: [(&str, &str, &str); 0] = [];

fn vietnamese_allowed(relative: &str) -> bool {
    VIETNAMESE_ALLOWED.iter().any(|(path, _)| {
        if path.ends_with('/') {
            relative.starts_with(path)
        } else {
            relative == *path
        }
    })
}

/// The literals with Vietnamese letters in the code of the file at
/// `relative` (not its comments, not its tests), unless the file may hold
/// them.
fn vietnamese_literals(relative: &str, source: &str) -> Vec<Literal> {
    if is_test_file(relative) || vietnamese_allowed(relative) {
        return Vec::new();
    }
    code_literals(source)
        .into_iter()
        .filter(|literal| literal.text.chars().any(is_vietnamese_letter))
        .collect()
}

#[test]
fn vietnamese_words_in_code_come_from_i18n_rules_or_data() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut problems = Vec::new();
    let mut pending_seen = [false; PENDING_VIETNAMESE.len()];
    for (relative, source) in crate_sources() {
        for literal in vietnamese_literals(&relative, &source) {
            let pending = PENDING_VIETNAMESE
                .iter()
                .position(|(path, piece, _)| *path == relative && literal.text.contains(piece));
            match pending {
                Some(at) => pending_seen[at] = true,
                None => problems.push(format!(
                    "{relative}:{}: Vietnamese words in code: \"{}\"; user-facing words come from i18n::t, official wording from rules.rs",
                    literal.line, literal.text
                )),
            }
        }
    }
    for ((path, piece, _), seen) in PENDING_VIETNAMESE.iter().zip(pending_seen) {
        if !seen {
            problems.push(format!(
                "PENDING_VIETNAMESE: {path} no longer holds \"{piece}\"; remove the entry"
            ));
        }
    }
    for (path, _) in VIETNAMESE_ALLOWED {
        if !root.join(path).exists() {
            problems.push(format!("VIETNAMESE_ALLOWED: {path} does not exist"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn tidy_finds_vietnamese_literals_in_code_only() {
    let source = r##"//! A module.
// "Nơi nhận:" in a comment
/// Doc: "Báo cáo"
/* "Hạn chế" /* nested "Ưu điểm" */ still a comment */
fn label() -> &'static str {
    let quote = '"';
    let apostrophe = '\'';
    let english = "Report";
    let raw = r#"a "quoted" Tổng kết"#;
    "Thanh công cụ"
}

#[cfg(test)]
mod tests {
    #[test]
    fn t() { assert_eq!(super::label(), "Thanh công cụ"); }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
fn helper() -> &'static str { "đ" }
"##;
    let found: Vec<(usize, String)> = vietnamese_literals("src/ui/app.rs", source)
        .into_iter()
        .map(|literal| (literal.line, literal.text))
        .collect();
    assert_eq!(
        found,
        vec![
            (9, "a \"quoted\" Tổng kết".to_owned()),
            (10, "Thanh công cụ".to_owned())
        ]
    );
    // Decomposed text counts too: "ạ" as "a" and a dot below.
    assert_eq!(
        vietnamese_literals("src/model.rs", "fn f() -> &'static str { \"Ha\u{323}n\" }").len(),
        1
    );
    // Allowed files and test files may hold Vietnamese words.
    assert!(vietnamese_literals("src/i18n.rs", source).is_empty());
    assert!(vietnamese_literals("src/import_text/frame.rs", source).is_empty());
    assert!(vietnamese_literals("src/edit/tests.rs", source).is_empty());
    assert!(vietnamese_literals("src/persist/library/parts_tests.rs", source).is_empty());
    assert!(vietnamese_literals("tests/seed_sample.rs", source).is_empty());
}

#[test]
fn tidy_reads_strings_characters_and_lifetimes_apart() {
    let lexed =
        lex("fn f<'a>(x: &'a str) -> char { let _ = b\"x\"; let _ = br#\"y\"#; '{' }\n\"z\\\"\"");
    let texts: Vec<&str> = lexed.literals.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(texts, vec!["x", "y", "z\\\""]);
    assert_eq!(lexed.literals[2].line, 2);
    // The brace in the character literal is not code: braces still match.
    assert_eq!(lexed.code.matches('{').count(), 1);
    // A raw identifier is not a raw string.
    assert!(lex("let r#type = 1;").literals.is_empty());
}

// Storage keys.

/// The prefix of every key the app keeps in local storage. Keys are
/// spelled in `src/persist/` only (`persist::keys`), so that the stored
/// layout is one module's business.
const STORAGE_KEY_PREFIX: &str = "baocao.";

/// Files outside `src/persist/` that still spell storage keys: removed by
/// the session refactor (issue 14). Each must still spell one: remove the
/// entry when it no longer does.
const PENDING_KEY_LITERALS: [(&str, &str); 0] = [];

/// The literals of `source`'s code (not its tests) that spell a storage key.
fn storage_key_literals(relative: &str, source: &str) -> Vec<Literal> {
    if is_test_file(relative) || relative.starts_with("src/persist/") {
        return Vec::new();
    }
    code_literals(source)
        .into_iter()
        .filter(|literal| literal.text.starts_with(STORAGE_KEY_PREFIX))
        .collect()
}

#[test]
fn storage_keys_are_spelled_only_in_persist() {
    let mut problems = Vec::new();
    let mut pending_seen = [false; PENDING_KEY_LITERALS.len()];
    for (relative, source) in crate_sources() {
        let found = storage_key_literals(&relative, &source);
        if let Some(at) = PENDING_KEY_LITERALS
            .iter()
            .position(|(path, _)| *path == relative)
        {
            pending_seen[at] = !found.is_empty();
            continue;
        }
        for literal in found {
            problems.push(format!(
                "{relative}:{}: storage key \"{}\" outside src/persist/; name keys in persist",
                literal.line, literal.text
            ));
        }
    }
    for ((path, _), seen) in PENDING_KEY_LITERALS.iter().zip(pending_seen) {
        if !seen {
            problems.push(format!(
                "PENDING_KEY_LITERALS: {path} spells no storage key any more; remove the entry"
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn tidy_finds_storage_keys_outside_persist() {
    let source = "//! A module.\n// \"baocao.draft.\" in a comment\nconst PREFIX: &str = \"baocao.template.\";\nconst LOCK: &str = \"baocao-draft-\";\n#[cfg(test)]\nmod tests { const KEY: &str = \"baocao.test\"; }\n";
    let found = storage_key_literals("src/ui/welcome.rs", source);
    assert_eq!(found.len(), 1);
    assert_eq!(
        (found[0].line, found[0].text.as_str()),
        (3, "baocao.template.")
    );
    assert!(storage_key_literals("src/persist/mod.rs", source).is_empty());
    assert!(storage_key_literals("tests/web.rs", source).is_empty());
}

// Messages.

/// Messages declared but not shown yet, each with why it stays.
const UNUSED_MESSAGES_ALLOWED: [(&str, &str); 0] = [];

/// The variants that the `messages!` table of `i18n_code` declares, and the
/// table's byte range.
fn declared_messages(i18n_code: &str) -> (Vec<String>, Range<usize>) {
    let open = i18n_code
        .find("messages! {")
        .expect("i18n.rs declares its messages with `messages! { … }`");
    let end = matching_brace(i18n_code, open + "messages! ".len());
    let names = i18n_code[open..end]
        .lines()
        .skip(1)
        .filter_map(|line| line.split_once("=>"))
        .map(|(name, _)| name.trim().to_owned())
        .filter(|name| !name.is_empty() && name.bytes().all(is_ident_byte))
        .collect();
    (names, open..end)
}

/// The variants that `code` names as `Msg::Variant`.
fn used_messages(code: &str) -> BTreeSet<String> {
    code.match_indices("Msg::")
        .filter(|(at, _)| *at == 0 || !is_ident_byte(code.as_bytes()[at - 1]))
        .map(|(at, path)| {
            code[at + path.len()..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect::<String>()
        })
        .filter(|name| !name.is_empty())
        .collect()
}

/// The messages of `i18n_source` that no code outside tests shows: neither
/// `others` (the other sources) nor i18n.rs outside its table.
fn unused_messages(i18n_source: &str, others: &[String]) -> Vec<String> {
    let code = non_test_code(i18n_source);
    let (declared, table) = declared_messages(&code);
    let mut used = used_messages(&code[..table.start]);
    used.extend(used_messages(&code[table.end..]));
    for other in others {
        used.extend(used_messages(&non_test_code(other)));
    }
    declared
        .into_iter()
        .filter(|name| !used.contains(name))
        .collect()
}

#[test]
fn every_message_is_shown_somewhere() {
    let sources = crate_sources();
    let i18n = &sources
        .iter()
        .find(|(relative, _)| relative == "src/i18n.rs")
        .unwrap()
        .1;
    let others: Vec<String> = sources
        .iter()
        .filter(|(relative, _)| relative != "src/i18n.rs" && !is_test_file(relative))
        .map(|(_, source)| source.clone())
        .collect();
    let unused = unused_messages(i18n, &others);
    let mut problems: Vec<String> = unused
        .iter()
        .filter(|name| {
            !UNUSED_MESSAGES_ALLOWED
                .iter()
                .any(|(allowed, _)| allowed == name)
        })
        .map(|name| {
            format!("src/i18n.rs: Msg::{name} is declared but never shown; use it or delete it")
        })
        .collect();
    for (name, _) in UNUSED_MESSAGES_ALLOWED {
        if !unused.iter().any(|unused| unused == name) {
            problems.push(format!(
                "UNUSED_MESSAGES_ALLOWED: Msg::{name} is used or gone; remove the entry"
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn tidy_finds_a_message_nobody_shows() {
    let i18n = r#"//! Messages.
macro_rules! messages {
    ($($name:ident => $vi:expr, $en:expr;)*) => { fn t(msg: Msg) { match msg { $(Msg::$name => $vi,)* } } };
}
messages! {
    Shown => "Hiện", "Shown";
    Described => "Mô tả", "Described";
    TestedOnly => "Chỉ thử", "Tested only";
    Forgotten => "Bị quên", "Forgotten";
}
pub fn describe() -> Msg { Msg::Described }
// Msg::Forgotten in a comment
#[cfg(test)]
mod tests { fn f() { let _ = super::Msg::TestedOnly; } }
"#;
    let ui = "//! A view.\nfn v() { t(Msg::Shown); let _ = NotMsg::Forgotten; }".to_owned();
    assert_eq!(
        unused_messages(i18n, &[ui]),
        vec!["TestedOnly".to_owned(), "Forgotten".to_owned()]
    );
}

// Subscriptions to the whole document.

/// The components (file, function) that may subscribe to the whole open
/// document, and what for. Everything else reads a section's view
/// (`Store::section_view`), a derived memo, or the document untracked
/// (in an event handler).
const DOCUMENT_SUBSCRIBERS: [(&str, &str, &str); 3] = [
    (
        "src/ui/app.rs",
        "app_with",
        "the page title, whether a draft is open, the toolbar's problem count",
    ),
    (
        "src/ui/import.rs",
        "ImportDialog",
        "whether a draft is open to replace",
    ),
    (
        "src/ui/check.rs",
        "CheckPanel",
        "the format check, while the panel is open, of the shown document (`Store::shown`)",
    ),
];

/// The functions of `code` with the byte ranges of their bodies.
fn function_bodies(code: &str) -> Vec<(String, Range<usize>)> {
    code.match_indices("fn ")
        .filter(|(at, _)| *at == 0 || !is_ident_byte(code.as_bytes()[at - 1]))
        .filter_map(|(at, _)| {
            let name: String = code[at + 3..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            let rest = &code[at..];
            let brace = rest.find('{')?;
            if name.is_empty() || rest.find(';').is_some_and(|semicolon| semicolon < brace) {
                return None;
            }
            Some((name, at + brace..matching_brace(code, at + brace)))
        })
        .collect()
}

/// Where `source` (a file of `src/ui/`) subscribes to the whole document:
/// `store.document` or `store.indexed` read other than untracked, with
/// the line and the innermost function around it.
fn document_subscriptions(source: &str) -> Vec<(usize, String)> {
    let code = non_test_code(source);
    let squeezed = |from: usize| -> String {
        code[from..]
            .chars()
            .filter(|c| !c.is_whitespace())
            .take(40)
            .collect()
    };
    let functions = function_bodies(&code);
    code.match_indices("store")
        .filter(|(at, _)| *at == 0 || !is_ident_byte(code.as_bytes()[at - 1]))
        .filter_map(|(at, _)| {
            let after = squeezed(at + "store".len());
            let read = [".document", ".shown", ".indexed("].iter().find(|field| {
                after.starts_with(**field)
                    && !after[field.len()..].starts_with(|c: char| c.is_alphanumeric() || c == '_')
            })?;
            let next = &after[read.len()..];
            if next.starts_with(".with_untracked(") || next.starts_with(".get_untracked(") {
                return None;
            }
            let function = functions
                .iter()
                .filter(|(_, body)| body.contains(&at))
                .min_by_key(|(_, body)| body.len())
                .map_or_else(String::new, |(name, _)| name.clone());
            Some((line_of(source, at), function))
        })
        .collect()
}

#[test]
fn only_named_components_subscribe_to_the_whole_document() {
    let mut problems = Vec::new();
    let mut seen = [false; DOCUMENT_SUBSCRIBERS.len()];
    for (relative, source) in crate_sources() {
        if !relative.starts_with("src/ui/") || relative == "src/ui/store.rs" {
            continue;
        }
        for (line, function) in document_subscriptions(&source) {
            match DOCUMENT_SUBSCRIBERS
                .iter()
                .position(|(path, name, _)| *path == relative && *name == function)
            {
                Some(at) => seen[at] = true,
                None => problems.push(format!(
                    "{relative}:{line}: `{function}` subscribes to the whole document; read the section's view (Store::section_view) or a memo of what it needs"
                )),
            }
        }
    }
    for ((path, name, _), seen) in DOCUMENT_SUBSCRIBERS.iter().zip(seen) {
        if !seen {
            problems.push(format!(
                "DOCUMENT_SUBSCRIBERS: {path} `{name}` no longer subscribes; remove the entry"
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn tidy_finds_a_field_that_subscribes_to_the_document() {
    let source = r#"//! Fields.
fn handle_key(store: Store) {
    let edit = store
        .document
        .with_untracked(|d| d.clone());
}
#[component]
fn TextField(store: Store) -> impl IntoView {
    let value = Memo::new(move |_| {
        store.document.with(|d| d.title.clone())
    });
    let ruleset = Memo::new(move |_| store.indexed(|d| d.meta.ruleset));
    // store.document.with(…) in a comment
}
"#;
    assert_eq!(
        document_subscriptions(source),
        vec![(10, "TextField".to_owned()), (12, "TextField".to_owned())]
    );
}

// Edits go through the store.

/// What applies edits and keeps their history, which in the interface only
/// `src/ui/store.rs` may name: components dispatch `Edit` values to it.
const EDIT_MACHINERY: [&str; 3] = ["History", "edit::apply", "SharedDocument::new"];

/// Which of `names` `source`'s code (not its tests) names as whole words;
/// a function's own definition (`fn name`) counts only with `definitions`.
fn names_in_code(source: &str, names: &[&'static str], definitions: bool) -> Vec<&'static str> {
    let code = non_test_code(source);
    names
        .iter()
        .copied()
        .filter(|name| {
            code.match_indices(name).any(|(at, _)| {
                let before = code[..at].bytes().next_back();
                let after = code[at + name.len()..].bytes().next();
                let defined = !definitions && code[..at].ends_with("fn ");
                !defined && !before.is_some_and(is_ident_byte) && !after.is_some_and(is_ident_byte)
            })
        })
        .collect()
}

/// One line per name that a source file in `scope` names (`named`),
/// followed by `advice`.
fn naming_problems(
    scope: impl Fn(&str) -> bool,
    named: impl Fn(&str) -> Vec<&'static str>,
    advice: &str,
) -> Vec<String> {
    crate_sources()
        .into_iter()
        .filter(|(relative, _)| scope(relative))
        .flat_map(|(relative, source)| {
            named(&source)
                .into_iter()
                .map(move |name| format!("{relative}: names `{name}`; {advice}"))
        })
        .collect()
}

/// The names of `EDIT_MACHINERY` that `source`'s code (not its tests) names.
fn named_edit_machinery(source: &str) -> Vec<&'static str> {
    names_in_code(source, &EDIT_MACHINERY, true)
}

#[test]
fn only_the_store_applies_edits() {
    let problems = naming_problems(
        |relative| relative.starts_with("src/ui/") && relative != "src/ui/store.rs",
        named_edit_machinery,
        "dispatch edits through the store",
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn tidy_finds_a_component_that_applies_edits_itself() {
    assert_eq!(
        named_edit_machinery("let next = crate::edit::apply(&document, &edit);"),
        vec!["edit::apply"]
    );
    assert_eq!(
        named_edit_machinery("let history = RwSignal::new(None::<History>);"),
        vec!["History"]
    );
    assert!(
        named_edit_machinery("// History\nstore.dispatch(edit); let h = HistoryPanel;").is_empty()
    );
}

// The stylesheet's containment.

/// Declarations the stylesheet must keep (outside `@media print`, which
/// undoes them for printing), by selector, and why: see the invariants of
/// ARCHITECTURE.md and docs/performance.md for the measurements.
const STYLE_REQUIRED: [(&str, &str, &str); 7] = [
    (
        ".editor-layout",
        "contain: strict",
        "a keystroke is laid out inside the columns",
    ),
    (
        ".outline-panel",
        "contain: strict",
        "the outline is laid out and painted on its own",
    ),
    (
        ".editor-column",
        "contain: content",
        "the editor column is laid out and painted on its own",
    ),
    (
        ".side-column",
        "contain: content",
        "the preview column is laid out and painted on its own",
    ),
    (
        ".section-editor .section-editor",
        "content-visibility: auto",
        "only the items near the screen are rendered",
    ),
    (
        ".sheet > .sheet-section",
        "content-visibility: auto",
        "only the preview's parts near the screen are rendered",
    ),
    (
        ".sheet::before",
        "overflow-anchor: none",
        "the page-lines layer is never the scroll anchor",
    ),
];

/// Declarations the stylesheet must not give to selectors containing a
/// name, and why.
const STYLE_FORBIDDEN: [(&str, &str, &str); 5] = [
    (
        ".editor-column",
        "contain: strict",
        "size containment stopped Chromium presenting frames",
    ),
    (
        ".editor-column",
        "contain: size",
        "size containment stopped Chromium presenting frames",
    ),
    (
        ".outline-jump",
        "text-overflow",
        "a clip per outline entry made every frame's layering slower",
    ),
    (
        ".outline-jump",
        "overflow",
        "a clip per outline entry made every frame's layering slower",
    ),
    (
        ".outline-entry",
        "overflow",
        "a clip per outline entry made every frame's layering slower",
    ),
];

/// The top-level rules of a stylesheet (not those inside `@media` or other
/// at-rules), comments removed: each rule's selectors and its declarations,
/// whitespace squeezed ("contain: strict").
fn css_rules(css: &str) -> Vec<(Vec<String>, Vec<String>)> {
    let squeeze = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut text = String::new();
    let mut rest = css;
    while let Some(at) = rest.find("/*") {
        text.push_str(&rest[..at]);
        rest = match rest[at + 2..].find("*/") {
            Some(end) => &rest[at + 2 + end + 2..],
            None => "",
        };
    }
    text.push_str(rest);
    let mut rules = Vec::new();
    let mut from = 0;
    while let Some(open) = text[from..].find('{').map(|at| from + at) {
        let prelude = text[from..open].trim();
        let close = matching_brace(&text, open);
        if !prelude.starts_with('@') {
            let selectors = prelude.split(',').map(squeeze).collect();
            let declarations = text[open + 1..close.saturating_sub(1)]
                .split(';')
                .map(squeeze)
                .filter(|declaration| !declaration.is_empty())
                .collect();
            rules.push((selectors, declarations));
        }
        from = close;
    }
    rules
}

/// What is wrong with `css` against `STYLE_REQUIRED` and `STYLE_FORBIDDEN`.
fn style_problems(css: &str) -> Vec<String> {
    let rules = css_rules(css);
    let mut problems = Vec::new();
    for (selector, declaration, why) in STYLE_REQUIRED {
        let kept = rules.iter().any(|(selectors, declarations)| {
            selectors.iter().any(|s| s == selector) && declarations.iter().any(|d| d == declaration)
        });
        if !kept {
            problems.push(format!(
                "style/main.css: `{selector}` lost `{declaration}` ({why})"
            ));
        }
    }
    for (name, property, why) in STYLE_FORBIDDEN {
        for (selectors, declarations) in &rules {
            let selector = selectors.iter().find(|s| s.contains(name));
            let declared = declarations
                .iter()
                .find(|d| d.starts_with(property) && d[property.len()..].starts_with([':', ' ']));
            if let (Some(selector), Some(declared)) = (selector, declared) {
                problems.push(format!(
                    "style/main.css: `{selector}` has `{declared}` ({why})"
                ));
            }
        }
    }
    problems
}

#[test]
fn the_stylesheet_keeps_each_column_to_itself() {
    let css =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("style/main.css")).unwrap();
    let problems = style_problems(&css);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn tidy_finds_a_column_that_lost_its_containment() {
    let kept = "/* a { contain: none } */\n.editor-layout { height: 1px; contain: strict; }\n.outline-panel { contain: strict }\n.editor-column,\n.side-column { contain: content; }\n.section-editor .section-editor, .sheet > .sheet-section { content-visibility: auto; }\n.sheet::before { overflow-anchor: none; }\n@media print { .side-column { contain: none; } }\n.outline-jump { overflow-wrap: anywhere; }\n";
    assert_eq!(style_problems(kept), Vec::<String>::new());
    let lost = kept.replace(".outline-panel { contain: strict }", ".outline-panel { }");
    assert_eq!(
        style_problems(&lost),
        vec!["style/main.css: `.outline-panel` lost `contain: strict` (the outline is laid out and painted on its own)"]
    );
    let clipped =
        format!("{kept}.outline-entry.depth-1 .outline-jump {{ text-overflow: ellipsis; }}\n");
    assert_eq!(style_problems(&clipped).len(), 1);
}

// ARCHITECTURE.md: every invariant names its check.

/// What is wrong with the invariants of `architecture` (the text of
/// ARCHITECTURE.md): a bullet that names no test, or a test named as
/// `tidy::…`, `web::…` or `….tests::…` that `sources` (every Rust file's
/// text) do not define.
fn invariant_problems(architecture: &str, sources: &[String]) -> Vec<String> {
    let section = architecture
        .split("\n## ")
        .find(|section| section.starts_with("Invariants"))
        .unwrap_or_default();
    let mut bullets: Vec<String> = Vec::new();
    for line in section.lines() {
        if line.starts_with("- ") {
            bullets.push(line.to_owned());
        } else if let Some(bullet) = bullets.last_mut() {
            bullet.push(' ');
            bullet.push_str(line.trim());
        }
    }
    let defined = |name: &str| {
        let pattern = format!("fn {name}(");
        sources.iter().any(|source| source.contains(&pattern))
    };
    let mut problems = Vec::new();
    for bullet in &bullets {
        let title = bullet.split("**").nth(1).unwrap_or(bullet.as_str());
        let names: Vec<&str> = bullet
            .split('`')
            .skip(1)
            .step_by(2)
            .filter(|span| {
                span.starts_with("tidy::") || span.starts_with("web::") || span.contains("tests::")
            })
            .collect();
        if names.is_empty() && !bullet.contains("e2e") && !bullet.contains("property test") {
            problems.push(format!(
                "ARCHITECTURE.md: \"{title}\" names no test that checks it"
            ));
        }
        for name in names {
            let function = name.rsplit("::").next().unwrap_or(name);
            if !defined(function) {
                problems.push(format!(
                    "ARCHITECTURE.md: \"{title}\" names `{name}`, which no test defines"
                ));
            }
        }
    }
    problems
}

#[test]
fn every_invariant_names_a_test_that_exists() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let architecture = fs::read_to_string(root.join("ARCHITECTURE.md")).unwrap();
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    rust_files(&root.join("tests"), &mut files);
    let sources: Vec<String> = files
        .iter()
        .map(|path| fs::read_to_string(path).unwrap())
        .collect();
    let problems = invariant_problems(&architecture, &sources);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn tidy_finds_an_invariant_without_a_test() {
    let architecture = "# A\n\n## Invariants\n\n- **Checked.** Words\n  (`tidy::checked`).\n- **Gone.** Words (`edit::tests::gone`).\n- **Unchecked.** Words only.\n- **In the browser.** Words (e2e \"it works\").\n\n## Build\n\n- **Not an invariant.**\n";
    let sources = vec!["fn checked() {}".to_owned()];
    assert_eq!(
        invariant_problems(architecture, &sources),
        vec![
            "ARCHITECTURE.md: \"Gone.\" names `edit::tests::gone`, which no test defines",
            "ARCHITECTURE.md: \"Unchecked.\" names no test that checks it",
        ]
    );
}

// The rulesets' note.

/// The fields of `pub struct LayoutRules` in `rules_source` (the text of
/// src/rules.rs).
fn layout_rules_fields(rules_source: &str) -> Vec<String> {
    let code = non_test_code(rules_source);
    let open = code
        .find("pub struct LayoutRules {")
        .expect("rules.rs declares `pub struct LayoutRules { … }`");
    let brace = open + "pub struct LayoutRules ".len();
    let end = matching_brace(&code, brace);
    code[brace..end]
        .lines()
        .filter_map(|line| line.trim().strip_prefix("pub "))
        .filter_map(|line| line.split_once(':'))
        .map(|(name, _)| name.trim().to_owned())
        .filter(|name| !name.is_empty() && name.bytes().all(is_ident_byte))
        .collect()
}

/// The fields of `LayoutRules` that `note` (docs/rulesets.md) does not
/// name in backquotes.
fn fields_missing_from_note(rules_source: &str, note: &str) -> Vec<String> {
    layout_rules_fields(rules_source)
        .into_iter()
        .filter(|field| !note.contains(&format!("`{field}`")))
        .collect()
}

/// docs/rulesets.md says where each figure of each ruleset comes from; a
/// field of `LayoutRules` it does not list fails here, so the note stays
/// in step with the rules.
#[test]
fn every_layout_rules_field_is_in_docs_rulesets() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let rules = fs::read_to_string(root.join("src/rules.rs")).unwrap();
    let note = fs::read_to_string(root.join("docs/rulesets.md")).unwrap();
    let fields = layout_rules_fields(&rules);
    assert!(fields.len() >= 30, "{fields:?}");
    for known in [
        "sources",
        "margins_mm",
        "body_pt",
        "line_spacing",
        "landscape",
    ] {
        assert!(fields.iter().any(|field| field == known), "{fields:?}");
    }
    let missing = fields_missing_from_note(&rules, &note);
    assert!(
        missing.is_empty(),
        "docs/rulesets.md does not say where these LayoutRules fields come from: {missing:?}"
    );
}

#[test]
fn tidy_finds_a_layout_rules_field_missing_from_the_note() {
    let rules = "//! Rules.\n/// Doc.\npub struct LayoutRules {\n    /// A size: 14 pt.\n    pub body_pt: f32,\n    pub margins_mm: Margins,\n    pub new_figure: f32,\n}\n\npub struct Other {\n    pub outside: u8,\n}\n";
    let note = "| `body_pt` | 14 |\n| `margins_mm` | 20 |\n";
    assert_eq!(
        layout_rules_fields(rules),
        ["body_pt", "margins_mm", "new_figure"]
    );
    assert_eq!(fields_missing_from_note(rules, note), ["new_figure"]);
}

/// Every block of the stylesheet is closed, at the end of the file too:
/// a merge once left an `@supports` block open, and every rule after it
/// (the pictures' among them) silently applied only without `zoom`.
#[test]
fn regression_an_open_block_in_the_stylesheet_swallows_the_rules_after_it() {
    assert_eq!(
        unclosed_css_blocks(".a { b: c; }\n@supports x { .d { e: f; } }"),
        Vec::<usize>::new()
    );
    assert_eq!(
        unclosed_css_blocks("@supports x {\n .d { e: f; }\n.g { h: i; }"),
        vec![1]
    );
    let css = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("style/main.css"))
        .unwrap();
    let open = unclosed_css_blocks(&css);
    assert!(
        open.is_empty(),
        "style/main.css: blocks opened at lines {open:?} are never closed"
    );
}

/// The lines of the blocks `css` opens and never closes (comments and
/// strings skipped).
fn unclosed_css_blocks(css: &str) -> Vec<usize> {
    let mut open = Vec::new();
    let (mut line, mut chars) = (1, css.chars().peekable());
    while let Some(c) = chars.next() {
        match c {
            '\n' => line += 1,
            '/' if chars.peek() == Some(&'*') => {
                let mut last = ' ';
                for c in chars.by_ref() {
                    if c == '\n' {
                        line += 1;
                    }
                    if last == '*' && c == '/' {
                        break;
                    }
                    last = c;
                }
            }
            '"' | '\'' => {
                for inner in chars.by_ref() {
                    if inner == c {
                        break;
                    }
                }
            }
            '{' => open.push(line),
            '}' => {
                open.pop();
            }
            _ => {}
        }
    }
    open
}

// Options that follow the document.

/// Lines of `source` where an `<option>` takes a reactive `selected`
/// attribute. The attribute is only the option's default: once the user
/// has picked another option, Firefox (as the HTML standard says) keeps
/// the pick when the attribute changes, so an undo or a reset left the
/// list showing a value the document no longer had. Such options set the
/// `selected` property (`prop:selected`) instead.
fn reactive_selected_attributes(source: &str) -> Vec<usize> {
    source
        .lines()
        .enumerate()
        .filter(|(_, line)| {
            let code = line.trim_start();
            !code.starts_with("//")
                && code.contains("selected=move")
                && !code.contains("prop:selected=move")
                && {
                    let at = code.find("selected=move").unwrap();
                    at == 0
                        || !code.as_bytes()[at - 1].is_ascii_alphanumeric()
                            && code.as_bytes()[at - 1] != b'-'
                            && code.as_bytes()[at - 1] != b':'
                }
        })
        .map(|(index, _)| index + 1)
        .collect()
}

#[test]
fn firefox_select_kept_the_users_pick_after_undo() {
    let found: Vec<String> = crate_sources()
        .into_iter()
        .filter(|(relative, _)| relative.starts_with("src/ui/"))
        .flat_map(|(relative, source)| {
            reactive_selected_attributes(&source)
                .into_iter()
                .map(move |line| {
                    format!("{relative}:{line}: use prop:selected, not the selected attribute")
                })
        })
        .collect();
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn tidy_finds_a_reactive_selected_attribute() {
    let source = "<option value=\"a\" selected=move || on.get()>\n<option prop:selected=move || on.get()>\nclass:selected=move || x\naria-selected=move || y\n";
    assert_eq!(reactive_selected_attributes(source), vec![1]);
}

// The parts loaded on first use (src/ui/lazy.rs).

/// What only a split point of `src/ui/lazy.rs` may call: each is the way
/// into a part of the app that the release build downloads on first use.
/// Called from anywhere else, its code would come back into the page's
/// own download (or, for `wasm_split`, a part would be declared where the
/// build does not look for it).
const PART_ENTRIES: [&str; 9] = [
    "import_bytes_now",
    "import_pasted_now",
    "export_now",
    "use_for_next_year_now",
    "consolidate::dialog",
    "table::table_editor",
    "welcome::Welcome",
    "import::ImportDialog",
    "wasm_split",
];

/// The entries of `PART_ENTRIES` that `source`'s code calls or names,
/// leaving out their own definitions (`fn name`).
fn part_entries_named(source: &str) -> Vec<&'static str> {
    names_in_code(source, &PART_ENTRIES, false)
}

#[test]
fn only_the_split_points_reach_the_parts_loaded_on_first_use() {
    let problems = naming_problems(
        |relative| relative != "src/ui/lazy.rs",
        part_entries_named,
        "go through its split point in src/ui/lazy.rs",
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn tidy_finds_a_part_called_past_its_split_point() {
    assert_eq!(
        part_entries_named("store.export_now(ExportFormat::Docx);"),
        vec!["export_now"]
    );
    assert_eq!(
        part_entries_named("view! { <super::welcome::Welcome /> }"),
        vec!["welcome::Welcome"]
    );
    assert!(part_entries_named(
        "pub(super) fn export_now(&self) {}\nsuper::lazy::run(store, super::lazy::export(store, format));"
    )
    .is_empty());
}

/// The shell functions of the `dev` script (`name() {` up to the `}` that
/// closes it at the start of a line), with their bodies.
fn dev_functions(script: &str) -> Vec<(&str, Vec<&str>)> {
    let mut functions = Vec::new();
    let mut current: Option<(&str, Vec<&str>)> = None;
    for line in script.lines() {
        if let Some(name) = line.strip_suffix("() {") {
            current = Some((name.trim(), Vec::new()));
        } else if line == "}" {
            functions.extend(current.take());
        } else if let Some((_, body)) = current.as_mut() {
            body.push(line);
        }
    }
    functions
}

/// Lines of `dev` that write into `target/` before anything in their
/// function has made it. A fresh clone has no `target/` until cargo makes
/// one, so such a redirect fails there.
fn writes_before_target_exists(script: &str) -> Vec<String> {
    let makes_target = |line: &str| {
        line.contains("mkdir -p \"$ROOT/target")
            || (line.trim_start().starts_with("setup_build") && !line.contains("()"))
    };
    let mut problems = Vec::new();
    let setup = dev_functions(script)
        .into_iter()
        .find(|(name, _)| *name == "setup_build");
    if !setup.is_some_and(|(_, body)| {
        body.iter()
            .any(|line| line.contains("mkdir -p \"$ROOT/target\""))
    }) {
        problems.push("setup_build does not make target/".to_owned());
    }
    for (name, body) in dev_functions(script) {
        let mut made = false;
        for line in body {
            let code = line.split(" #").next().unwrap_or(line);
            if code.trim_start().starts_with('#') {
                continue;
            }
            let writes = code.contains(">\"$ROOT/target/") || code.contains("> \"$ROOT/target/");
            if writes && !made {
                problems.push(format!("{name}: {}", line.trim()));
            }
            made |= makes_target(code);
        }
    }
    problems
}

/// Regression: `./dev dist` on a fresh clone stopped with "trunk build
/// failed": its log went to `target/trunk-build.log` before cargo had made
/// `target/`.
#[test]
fn regression_dev_dist_on_a_fresh_clone_wrote_its_log_into_a_missing_target() {
    let script = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("dev")).unwrap();
    assert_eq!(writes_before_target_exists(&script), Vec::<String>::new());
}

#[test]
fn tidy_catches_a_dev_command_that_writes_into_target_before_making_it() {
    let script = "setup_build() {\n  ensure_trunk\n}\n\ncmd_dist() {\n  trunk build >\"$ROOT/target/trunk-build.log\" 2>&1\n}\n\ncmd_ok() {\n  setup_build\n  trunk build >\"$ROOT/target/a.log\"\n}\n";
    assert_eq!(
        writes_before_target_exists(script),
        vec![
            "setup_build does not make target/".to_owned(),
            "cmd_dist: trunk build >\"$ROOT/target/trunk-build.log\" 2>&1".to_owned(),
        ]
    );
}
