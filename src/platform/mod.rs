//! The browser boundary. This is the only module that may name web-sys, gloo
//! or wasm-bindgen; everything it returns is a plain Rust value or an error
//! that the core can reason about.

pub mod channel;
pub mod clock;
pub mod dom;
pub mod events;
pub mod files;
pub mod idb;
pub mod inflate;
pub mod locks;
pub mod offline;
pub mod page;
pub mod picture;
pub mod storage;
pub mod text;
