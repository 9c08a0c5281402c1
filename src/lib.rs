//! Báo cáo: an in-browser editor for Vietnamese structured reports.
//!
//! The modules are listed in reading order. The pure core comes first: it is
//! plain Rust with no web types and is tested natively in milliseconds. Only
//! `platform` touches the browser (web-sys, gloo) and only `ui` uses Leptos;
//! `tests/tidy.rs` enforces that split. See `ARCHITECTURE.md`.

pub mod conformance;
pub mod consolidate;
pub mod docx;
pub mod edit;
pub mod export;
pub mod follow;
pub mod frame;
pub mod i18n;
pub mod import_docx;
pub mod import_text;
pub mod inapp;
pub mod index;
pub mod keymap;
pub mod large_report;
pub mod legacy_encoding;
pub mod model;
pub mod next_year;
pub mod numbering;
pub mod offline;
pub mod pagination;
pub mod persist;
pub mod picture;
pub mod print_support;
pub mod render;
pub mod rules;
pub mod session;
pub mod sheet_measure;
pub mod table;
pub mod template;
pub mod text;
pub mod transfer;

pub mod platform;
pub mod ui;
