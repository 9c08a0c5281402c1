//! The stylesheet stays within the oldest browsers the app supports
//! (README, "Trình duyệt"; docs/browsers.md): Chromium 109 (the last on
//! Windows 7 and 8.1, and Cốc Cốc on them), Firefox ESR 115, Safari 16.
//!
//! `style/main.css` is read into its at-rules, selectors, properties,
//! values and units; each CSS feature in `FEATURES` (with the first
//! version of each browser that has it) that the stylesheet uses and that
//! one of the minimum browsers lacks must have a fallback: ignored with
//! nothing lost but speed or polish (said why), an `@supports` rule in the
//! stylesheet, or a script that does the same (named, and checked to
//! exist). docs/browsers.md must list each of them. A feature the table
//! does not know is not caught: the table lists the features newer than
//! 2021 that a stylesheet is likely to reach for.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::Path;

/// The oldest browsers supported.
const MIN_CHROME: u32 = 109;
const MIN_FIREFOX: u32 = 115;
const MIN_SAFARI: (u32, u32) = (16, 0);

/// Where a feature shows in a stylesheet.
#[derive(Clone, Copy, Debug)]
enum Sign {
    /// A property name.
    Property(&'static str),
    /// A text in a property's value ("color-mix(").
    Value(&'static str),
    /// A unit after a number ("dvh").
    Unit(&'static str),
    /// A text in a selector (":has(").
    Selector(&'static str),
    /// An at-rule ("@container").
    AtRule(&'static str),
    /// A style rule inside a style rule.
    Nesting,
}

/// What a browser without the feature gets instead.
#[derive(Clone, Copy, Debug)]
enum Fallback {
    /// Nothing: using the feature breaks the minimum browsers.
    None,
    /// The browser skips it and loses only what is said.
    Ignored(&'static str),
    /// A rule under this `@supports` condition, in the stylesheet.
    Supports(&'static str),
    /// A script does it: the file that holds it, and a text in that file.
    Script(&'static str, &'static str),
}

struct Feature {
    name: &'static str,
    signs: &'static [Sign],
    /// The first version with the feature; `None`: none yet.
    chrome: Option<u32>,
    firefox: Option<u32>,
    safari: Option<(u32, u32)>,
    fallback: Fallback,
}

use Fallback::{Ignored, Script, Supports};
use Sign::{AtRule, Nesting, Property, Selector, Unit, Value};

/// CSS features and the versions that brought them (MDN's compatibility
/// data), the recent ones and some older ones this stylesheet uses.
const FEATURES: &[Feature] = &[
    Feature {
        name: "field-sizing",
        signs: &[Property("field-sizing")],
        chrome: Some(123),
        firefox: None,
        safari: Some((26, 2)),
        fallback: Script("src/platform/dom.rs", "fn fit_to_content"),
    },
    Feature {
        name: "zoom",
        signs: &[Property("zoom")],
        chrome: Some(1),
        firefox: Some(126),
        safari: Some((4, 0)),
        fallback: Supports("@supports not (zoom: 1)"),
    },
    Feature {
        name: "content-visibility",
        signs: &[Property("content-visibility")],
        chrome: Some(85),
        firefox: Some(125),
        safari: Some((18, 0)),
        fallback: Ignored("every part of the preview is laid out on each change: slower typing in long reports, same result"),
    },
    Feature {
        name: "contain-intrinsic-size",
        signs: &[
            Property("contain-intrinsic-size"),
            Property("contain-intrinsic-block-size"),
        ],
        chrome: Some(95),
        firefox: Some(107),
        safari: Some((17, 0)),
        fallback: Ignored("only used with content-visibility, which such browsers skip too"),
    },
    Feature {
        name: "overflow-anchor",
        signs: &[Property("overflow-anchor")],
        chrome: Some(56),
        firefox: Some(66),
        safari: None,
        fallback: Ignored("Safari anchors no scrolling: the preview may shift while parts above are laid out"),
    },
    Feature {
        name: "scrollbar-gutter",
        signs: &[Property("scrollbar-gutter")],
        chrome: Some(94),
        firefox: Some(97),
        safari: Some((17, 0)),
        fallback: Ignored("the content moves by a scrollbar's width when one appears"),
    },
    Feature {
        name: "text-wrap",
        signs: &[Property("text-wrap"), Property("text-wrap-style")],
        chrome: Some(114),
        firefox: Some(121),
        safari: Some((17, 5)),
        fallback: Ignored("headings wrap with their lines unbalanced"),
    },
    Feature {
        name: "page (named pages)",
        signs: &[Property("page")],
        chrome: Some(85),
        firefox: Some(110),
        safari: Some((18, 2)),
        fallback: Ignored("Safari 16-18.1 prints a landscape appendix on a portrait page"),
    },
    Feature {
        name: ":has()",
        signs: &[Selector(":has(")],
        chrome: Some(105),
        firefox: Some(121),
        safari: Some((15, 4)),
        fallback: Fallback::None,
    },
    Feature {
        name: "CSS nesting",
        signs: &[Nesting],
        chrome: Some(120),
        firefox: Some(117),
        safari: Some((17, 2)),
        fallback: Fallback::None,
    },
    Feature {
        name: ":user-invalid, :user-valid",
        signs: &[Selector(":user-invalid"), Selector(":user-valid")],
        chrome: Some(119),
        firefox: Some(88),
        safari: Some((16, 5)),
        fallback: Fallback::None,
    },
    Feature {
        name: "container queries",
        signs: &[
            AtRule("@container"),
            Property("container-type"),
            Property("container"),
            Unit("cqi"),
            Unit("cqw"),
            Unit("cqh"),
            Unit("cqb"),
        ],
        chrome: Some(106),
        firefox: Some(110),
        safari: Some((16, 0)),
        fallback: Fallback::None,
    },
    Feature {
        name: "dynamic viewport units",
        signs: &[
            Unit("dvh"),
            Unit("svh"),
            Unit("lvh"),
            Unit("dvw"),
            Unit("svw"),
            Unit("lvw"),
        ],
        chrome: Some(108),
        firefox: Some(101),
        safari: Some((15, 4)),
        fallback: Fallback::None,
    },
    Feature {
        name: "lh, rlh units",
        signs: &[Unit("lh"), Unit("rlh")],
        chrome: Some(109),
        firefox: Some(120),
        safari: Some((16, 4)),
        fallback: Fallback::None,
    },
    Feature {
        name: "@layer",
        signs: &[AtRule("@layer")],
        chrome: Some(99),
        firefox: Some(97),
        safari: Some((15, 4)),
        fallback: Fallback::None,
    },
    Feature {
        name: "@property",
        signs: &[AtRule("@property")],
        chrome: Some(85),
        firefox: Some(128),
        safari: Some((16, 4)),
        fallback: Fallback::None,
    },
    Feature {
        name: "@scope",
        signs: &[AtRule("@scope")],
        chrome: Some(118),
        firefox: Some(146),
        safari: Some((17, 4)),
        fallback: Fallback::None,
    },
    Feature {
        name: "@starting-style",
        signs: &[AtRule("@starting-style")],
        chrome: Some(117),
        firefox: Some(129),
        safari: Some((17, 5)),
        fallback: Fallback::None,
    },
    Feature {
        name: "color-mix()",
        signs: &[Value("color-mix(")],
        chrome: Some(111),
        firefox: Some(113),
        safari: Some((16, 2)),
        fallback: Fallback::None,
    },
    Feature {
        name: "oklch(), oklab(), lab(), lch()",
        signs: &[
            Value("oklch("),
            Value("oklab("),
            Value(" lab("),
            Value(" lch("),
        ],
        chrome: Some(111),
        firefox: Some(113),
        safari: Some((15, 4)),
        fallback: Fallback::None,
    },
    Feature {
        name: "light-dark()",
        signs: &[Value("light-dark(")],
        chrome: Some(123),
        firefox: Some(120),
        safari: Some((17, 5)),
        fallback: Fallback::None,
    },
    Feature {
        name: "round(), mod(), rem()",
        signs: &[Value("round("), Value("mod("), Value("rem(")],
        chrome: Some(125),
        firefox: Some(118),
        safari: Some((15, 4)),
        fallback: Fallback::None,
    },
    Feature {
        name: "subgrid",
        signs: &[Value("subgrid")],
        chrome: Some(117),
        firefox: Some(71),
        safari: Some((16, 0)),
        fallback: Fallback::None,
    },
    Feature {
        name: "anchor positioning",
        signs: &[
            Property("anchor-name"),
            Property("position-anchor"),
            Value("anchor("),
        ],
        chrome: Some(125),
        firefox: None,
        safari: Some((26, 0)),
        fallback: Fallback::None,
    },
    Feature {
        name: "interpolate-size, calc-size()",
        signs: &[Property("interpolate-size"), Value("calc-size(")],
        chrome: Some(129),
        firefox: None,
        safari: None,
        fallback: Fallback::None,
    },
    Feature {
        name: "text-box",
        signs: &[Property("text-box"), Property("text-box-trim")],
        chrome: Some(133),
        firefox: None,
        safari: Some((18, 2)),
        fallback: Fallback::None,
    },
    Feature {
        name: "overflow-wrap: anywhere",
        signs: &[Value("anywhere")],
        chrome: Some(80),
        firefox: Some(65),
        safari: Some((15, 4)),
        fallback: Fallback::None,
    },
    Feature {
        name: ":focus-visible",
        signs: &[Selector(":focus-visible")],
        chrome: Some(86),
        firefox: Some(85),
        safari: Some((15, 4)),
        fallback: Fallback::None,
    },
    Feature {
        name: "inset",
        signs: &[Property("inset")],
        chrome: Some(87),
        firefox: Some(66),
        safari: Some((14, 1)),
        fallback: Fallback::None,
    },
];

impl Feature {
    /// The minimum browsers that lack it.
    fn missing_in(&self) -> Vec<&'static str> {
        let mut missing = Vec::new();
        if self.chrome.is_none_or(|v| v > MIN_CHROME) {
            missing.push("Chromium 109");
        }
        if self.firefox.is_none_or(|v| v > MIN_FIREFOX) {
            missing.push("Firefox 115");
        }
        if self.safari.is_none_or(|v| v > MIN_SAFARI) {
            missing.push("Safari 16");
        }
        missing
    }
}

/// One piece of a stylesheet.
#[derive(Debug, PartialEq)]
enum Piece {
    /// An at-rule's prelude ("@media (max-width: 10px)").
    AtRule(String),
    /// A style rule's selector; `nested` when inside another style rule.
    Selector {
        text: String,
        nested: bool,
    },
    Declaration {
        property: String,
        value: String,
    },
}

/// The stylesheet without comments, in pieces, each with its line.
fn pieces(css: &str) -> Vec<(usize, Piece)> {
    let mut without = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(at) = rest.find("/*") {
        without.push_str(&rest[..at]);
        let end = rest[at..].find("*/").map_or(rest.len(), |e| at + e + 2);
        // Keep the lines.
        without.extend(rest[at..end].chars().filter(|&c| c == '\n'));
        rest = &rest[end..];
    }
    without.push_str(rest);
    let mut out = Vec::new();
    // For each open block: is it a style rule's?
    let mut stack: Vec<bool> = Vec::new();
    let mut start = 0;
    let mut line = 1;
    let mut start_line = 1;
    let bytes = without.as_bytes();
    let mut quote: Option<u8> = None;
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'\n' {
            line += 1;
        }
        if let Some(q) = quote {
            if b == q {
                quote = None;
            }
            continue;
        }
        match b {
            b'"' | b'\'' => quote = Some(b),
            b'{' | b';' | b'}' => {
                let text = without[start..i].trim();
                let at = start_line
                    + without[start..i]
                        .chars()
                        .take_while(|c| c.is_whitespace())
                        .filter(|&c| c == '\n')
                        .count();
                if b == b'{' {
                    let in_style_rule = stack.last().copied().unwrap_or(false);
                    if text.starts_with('@') {
                        out.push((at, Piece::AtRule(text.to_owned())));
                        stack.push(false);
                    } else {
                        out.push((
                            at,
                            Piece::Selector {
                                text: text.to_owned(),
                                nested: in_style_rule,
                            },
                        ));
                        stack.push(true);
                    }
                } else if !text.is_empty() {
                    if let Some((property, value)) = text.split_once(':') {
                        if stack.last().copied().unwrap_or(false) || !text.starts_with('@') {
                            out.push((
                                at,
                                Piece::Declaration {
                                    property: property.trim().to_ascii_lowercase(),
                                    value: value.trim().to_owned(),
                                },
                            ));
                        }
                    } else if text.starts_with('@') {
                        out.push((at, Piece::AtRule(text.to_owned())));
                    }
                }
                if b == b'}' {
                    stack.pop();
                }
                start = i + 1;
                start_line = line;
            }
            _ => {}
        }
    }
    out
}

/// The units after numbers in `value` ("100dvh" gives "dvh").
fn units(value: &str) -> Vec<String> {
    let mut out = Vec::new();
    let chars: Vec<char> = value.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let starts_number = chars[i].is_ascii_digit()
            && (i == 0 || !(chars[i - 1].is_ascii_alphanumeric() || chars[i - 1] == '-'));
        if starts_number {
            while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == '.') {
                i += 1;
            }
            let unit: String = chars[i..]
                .iter()
                .take_while(|c| c.is_ascii_alphabetic())
                .collect();
            i += unit.len();
            if !unit.is_empty() {
                out.push(unit.to_ascii_lowercase());
            }
        } else {
            i += 1;
        }
    }
    out
}

/// Whether `piece` shows `sign`.
fn shows(piece: &Piece, sign: Sign) -> bool {
    match (piece, sign) {
        (Piece::Declaration { property, .. }, Property(name)) => property == name,
        (Piece::Declaration { value, .. }, Value(text)) => {
            format!(" {}", value.to_ascii_lowercase()).contains(text)
        }
        (Piece::Declaration { value, .. }, Unit(unit)) => units(value).iter().any(|u| u == unit),
        (Piece::AtRule(prelude), Unit(unit)) => units(prelude).iter().any(|u| u == unit),
        (Piece::Selector { text: selector, .. }, Selector(text)) => selector.contains(text),
        (Piece::AtRule(prelude), AtRule(name)) => prelude
            .split(|c: char| c.is_whitespace() || c == '(' || c == ';')
            .next()
            .is_some_and(|first| first.eq_ignore_ascii_case(name)),
        (Piece::Selector { nested, .. }, Nesting) => *nested,
        _ => false,
    }
}

/// Problems with `css`: each use of a feature newer than the minimums
/// without a fallback, or with a fallback that is not there. `read`
/// reads a file of the crate (for scripts named as fallbacks).
fn problems(css: &str, read: &dyn Fn(&str) -> Option<String>) -> Vec<String> {
    let pieces = pieces(css);
    let mut problems = Vec::new();
    for feature in FEATURES {
        let missing = feature.missing_in();
        if missing.is_empty() {
            continue;
        }
        let uses: Vec<usize> = pieces
            .iter()
            .filter(|(_, piece)| feature.signs.iter().any(|&sign| shows(piece, sign)))
            .map(|(line, _)| *line)
            .collect();
        if uses.is_empty() {
            continue;
        }
        let lacking = || {
            format!(
                "{} (line {}) is missing in {}",
                feature.name,
                uses[0],
                missing.join(", ")
            )
        };
        match feature.fallback {
            Fallback::None => problems.push(format!("{}, and has no fallback", lacking())),
            Ignored(_) => {}
            Supports(condition) => {
                let has = pieces
                    .iter()
                    .any(|(_, piece)| matches!(piece, Piece::AtRule(prelude) if prelude.starts_with(condition)));
                if !has {
                    problems.push(format!(
                        "{}, and its fallback `{condition}` is not in the stylesheet",
                        lacking()
                    ));
                }
            }
            Script(file, marker) => {
                if !read(file).is_some_and(|text| text.contains(marker)) {
                    problems.push(format!(
                        "{}, and its fallback `{marker}` is not in {file}",
                        lacking()
                    ));
                }
            }
        }
    }
    problems
}

fn crate_file(relative: &str) -> Option<String> {
    fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)).ok()
}

#[test]
fn the_stylesheet_stays_within_the_minimum_browsers() {
    let css = crate_file("style/main.css").unwrap();
    let found = problems(&css, &crate_file);
    assert!(found.is_empty(), "style/main.css:\n{}", found.join("\n"));
}

#[test]
fn docs_browsers_lists_every_feature_newer_than_the_minimums_in_use() {
    let css = crate_file("style/main.css").unwrap();
    let docs = crate_file("docs/browsers.md").unwrap();
    let pieces = pieces(&css);
    let unlisted: Vec<&str> = FEATURES
        .iter()
        .filter(|feature| !feature.missing_in().is_empty())
        .filter(|feature| {
            pieces
                .iter()
                .any(|(_, piece)| feature.signs.iter().any(|&sign| shows(piece, sign)))
        })
        .filter(|feature| !docs.contains(&format!("`{}`", feature.name)))
        .map(|feature| feature.name)
        .collect();
    assert!(
        unlisted.is_empty(),
        "docs/browsers.md does not list {unlisted:?}"
    );
}

#[test]
fn the_check_catches_a_feature_without_a_fallback() {
    let none = |_: &str| None;
    let has = problems("main:has(> .x) { color: red; }", &none);
    assert_eq!(has.len(), 1, "{has:?}");
    assert!(
        has[0].starts_with(":has() (line 1) is missing in Firefox 115"),
        "{has:?}"
    );
    let nested = problems(".a {\n  color: red;\n  .b { color: blue; }\n}", &none);
    assert_eq!(nested.len(), 1, "{nested:?}");
    assert!(nested[0].contains("CSS nesting (line 3)"), "{nested:?}");
    let mixed = problems(
        ".a { background: color-mix(in srgb, red 50%, blue); }",
        &none,
    );
    assert!(mixed[0].contains("Chromium 109"), "{mixed:?}");
}

#[test]
fn the_check_wants_the_named_fallback_to_be_there() {
    let none = |_: &str| None;
    let zoom = ".sheet { zoom: 0.5; }";
    assert_eq!(problems(zoom, &none).len(), 1);
    let with = format!("{zoom}\n@supports not (zoom: 1) {{ .zoom-buttons {{ display: none; }} }}");
    assert!(problems(&with, &none).is_empty());
    let sized = "textarea { field-sizing: content; }";
    assert_eq!(problems(sized, &none).len(), 1);
    let script = |_: &str| Some("pub fn fit_to_content(event: &Event) {}".to_owned());
    assert!(problems(sized, &script).is_empty());
}

#[test]
fn the_check_reads_at_rules_units_and_comments_apart() {
    let none = |_: &str| None;
    // Within the minimums: no problem.
    assert!(problems(
        "@media (max-width: 959px) { body { height: 100dvh; } }",
        &none
    )
    .is_empty());
    // In a comment: not used.
    assert!(problems("/* :has( and color-mix( */ a { color: red; }", &none).is_empty());
    // A media query's rules are not nesting.
    assert!(problems("@media print { .a { color: red; } }", &none).is_empty());
    assert_eq!(units("calc(100vh - 5.2rem) 2lh"), ["vh", "rem", "lh"]);
    assert!(!problems(".a { margin: 2lh; }", &none).is_empty());
    assert!(problems("@property --x { syntax: '<length>'; }", &none)[0].starts_with("@property"));
}

#[test]
fn every_feature_left_to_be_ignored_says_what_is_lost() {
    for feature in FEATURES {
        if let Ignored(lost) = feature.fallback {
            assert!(
                lost.split_whitespace().count() >= 4,
                "{}: {lost:?}",
                feature.name
            );
        }
    }
}
