//! cable-inspector: read US diplomatic cables and print what is in them.
//!
//! Data flows one way: `input` (find files, detect the form, decode) →
//! `parse` (one module per part of a cable) → `model` (the `Cable` record,
//! the JSON contract) → `output` (text and JSON renderers). `pipeline` runs
//! that on all cores in input order; `app` drives it for the command line in
//! `cli`.

pub mod app;
pub mod cli;
pub mod document;
pub mod exit;
pub mod filter;
pub mod input;
pub mod model;
pub mod output;
pub mod parse;
pub mod pipeline;
pub mod progress;

pub use document::Document;
pub use model::Cable;
pub use parse::parse;
