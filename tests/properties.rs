//! Property tests on the library: arbitrary bytes, cable-like token soup and
//! mutated real cables go through `decode`, `detect`, `to_document` (the
//! detected form and every form `--input-format` can force), `parse` and
//! both renderers. Nothing may panic, and every record must be one line of
//! JSON that matches `docs/cable.schema.json`.
//!
//! The seed is fixed, so `cargo test` runs the same cases every time; set
//! `PROPTEST_RNG_SEED=<number>` (and `PROPTEST_CASES`) to explore others.
//! A failure prints the smallest input found: turn it into a unit test next
//! to the code it breaks.

mod common;

use std::path::Path;
use std::sync::LazyLock;

use cable_inspector::input::{decode, detect, to_document};
use cable_inspector::model::Format;
use cable_inspector::output::{Renderer, json::JsonRenderer, text::TextRenderer};
use cable_inspector::parse;
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::{Index, select};
use proptest::test_runner::{Config, RngSeed, TestRunner};

const EXAMPLES: [&str; 3] =
    ["examples/08USUNNEWYORK314.md", "examples/09VALLETTA412.txt", "examples/10MONTEVIDEO55.html"];

/// Pieces of cables, Markdown pages and web pages, so that random input
/// builds the structures the parser looks for.
const TOKENS: &[&str] = &[
    "\n",
    "\n\n",
    " ",
    "  ",
    "\t",
    "\r\n",
    "\u{a0}",
    "\u{b6}",
    "\u{201c}",
    "\u{2019}",
    "\0",
    "\u{feff}",
    "](#)",
    "[11.](#)",
    "[1B.](#)",
    "[PREL](#)",
    "[",
    "]",
    "<pre>",
    "</pre>",
    "<PRE class='x'>",
    "<td>",
    "</td>",
    "<table class='cable'>",
    "</table>",
    "<html>",
    "<!DOCTYPE html>",
    "<a href='#'>",
    "</a>",
    "<",
    ">",
    "&amp;",
    "&#x000A;",
    "&#182;",
    "&#xFFFFFF;",
    "&",
    ";",
    "VZCZCXRO9919",
    "OO RUEHBC RUEHDE",
    "DE RUEHAK #0691/01 1021244",
    "ZNY CCCCC ZZH",
    "O 111244Z APR 08",
    "291359Z Nov 00",
    "FM AMEMBASSY ANKARA",
    "TO RUEHC/SECSTATE WASHDC IMMEDIATE 5884",
    "INFO RUEHEE/ARAB LEAGUE COLLECTIVE",
    "INFO  LOG-00",
    "C O N F I D E N T I A L",
    "S E C R E T",
    "UNCLAS",
    "SECRET//NOFORN",
    "SECTION 01 OF 03",
    "ANKARA 000691",
    "USUN NEW YORK 000314",
    "SIPDIS",
    "NOFORN",
    "E.O. 12958: DECL: 04/10/2018",
    "EO 12958 DECL: 9/9/19",
    "TAGS: ",
    "TAGS PREL, PGOV",
    "OVIP (",
    ")",
    "SUBJECT: ",
    "REF: ",
    "A. ",
    "B) ",
    "(C) ",
    "STATE 15113",
    "08 BEIJING 7197",
    "Classified By: ",
    "1.4 (b) and (d)",
    "1. (C) ",
    "2. (S/NF) ",
    "1, (C) ",
    "12. ",
    "(SBU) ",
    "SUMMARY: ",
    "BEGIN SUMMARY",
    "END SUMMARY",
    "COMMENT:",
    "ANKARA 00000691  002 OF 003",
    "PARIS 00000741 001.2 OF 004",
    "PAGE 02        CAPE T  00097  01 OF 03  182017Z",
    " OF ",
    "-----",
    "------------------A54E38  291401Z /38",
    "XXXXXXXXXXXX",
    "Thursday, 31 August 2006, 06:39",
    "<<218634>>",
    "7/29/2009 14:42",
    "ID: 190648",
    "ORIGIN: 10BERLIN180",
    "This record is a partial extract",
    "NNNN",
    "WILSON",
    "Khalilzad",
    "CLINTON",
    "Visit London's Classified Website",
    "-- ",
    "QUOTE:",
];

/// Same inputs every run unless PROPTEST_RNG_SEED or PROPTEST_CASES say
/// otherwise; failures are reported, not written into the source tree.
fn config(cases: u32) -> Config {
    let from_env = Config::default();
    let set = |var: &str| std::env::var_os(var).is_some();
    Config {
        cases: if set("PROPTEST_CASES") { from_env.cases } else { cases },
        rng_seed: if set("PROPTEST_RNG_SEED") { from_env.rng_seed } else { RngSeed::Fixed(0x0ab1e) },
        failure_persistence: None,
        ..from_env
    }
}

fn run<S: Strategy>(name: &str, cases: u32, strategy: S, test: impl Fn(S::Value) -> Result<(), TestCaseError>)
where
    S::Value: std::fmt::Debug,
{
    let mut runner = TestRunner::new(config(cases));
    if let Err(e) = runner.run(&strategy, test) {
        panic!("{name}: {e}");
    }
}

static SCHEMA: LazyLock<jsonschema::Validator> = LazyLock::new(common::schema_validator);

/// Every way the library reads these bytes, each checked.
fn check(bytes: &[u8]) -> Result<(), TestCaseError> {
    let mut warnings = Vec::new();
    let Ok(text) = decode::decode(bytes.to_vec(), &mut warnings) else {
        return Ok(());
    };
    prop_assert!(!text.contains('\0') && !text.contains('\r'), "decode leaves no NUL or CR");
    prop_assert!(!text.trim().is_empty(), "blank text is refused, not decoded");
    let detected = detect(&text);
    for format in [detected, Format::Text, Format::Markdown, Format::Html] {
        match to_document(text.clone(), format) {
            Ok(mut doc) => {
                doc.warnings.splice(0..0, warnings.iter().cloned());
                check_document(&doc)?;
            }
            // Only a page without <pre> blocks is refused.
            Err(e) => prop_assert_eq!(format, Format::Html, "{} refused: {}", format.name(), e),
        }
    }
    Ok(())
}

fn check_document(doc: &cable_inspector::Document) -> Result<(), TestCaseError> {
    let cable = parse(doc);
    prop_assert!(cable.warnings.starts_with(&doc.warnings), "the reader's warnings come first");
    let mut out = Vec::new();
    JsonRenderer::whole(false).render(&cable, Default::default(), &mut out).expect("writing to a Vec cannot fail");
    prop_assert_eq!(out.iter().filter(|&&b| b == b'\n').count(), 1, "one line per record");
    let value: serde_json::Value =
        serde_json::from_slice(&out).map_err(|e| TestCaseError::fail(format!("not JSON: {e}")))?;
    let errors = common::schema_errors(&SCHEMA, &value);
    prop_assert!(errors.is_empty(), "schema: {:?}", errors);
    let mut report = Vec::new();
    TextRenderer::new(60).render(&cable, Default::default(), &mut report).expect("writing to a Vec cannot fail");
    prop_assert!(std::str::from_utf8(&report).is_ok());
    Ok(())
}

fn token() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        4 => select(TOKENS).prop_map(|t| t.as_bytes().to_vec()),
        1 => vec(any::<u8>(), 1..6),
        1 => "[A-Za-z0-9 .,:;()/-]{1,12}".prop_map(String::into_bytes),
    ]
}

/// One change to a real cable's bytes.
#[derive(Debug, Clone)]
enum Edit {
    Insert(Index, Vec<u8>),
    Delete(Index, usize),
    Duplicate(Index, usize),
    Replace(Index, u8),
    Truncate(Index),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        3 => (any::<Index>(), token()).prop_map(|(at, t)| Edit::Insert(at, t)),
        2 => (any::<Index>(), 1..300usize).prop_map(|(at, n)| Edit::Delete(at, n)),
        1 => (any::<Index>(), 1..300usize).prop_map(|(at, n)| Edit::Duplicate(at, n)),
        2 => (any::<Index>(), any::<u8>()).prop_map(|(at, b)| Edit::Replace(at, b)),
        1 => any::<Index>().prop_map(Edit::Truncate),
    ]
}

fn apply(mut bytes: Vec<u8>, edits: &[Edit]) -> Vec<u8> {
    for e in edits {
        let len = bytes.len();
        // A position in 0..=len.
        let at = |i: &Index| i.index(len + 1);
        match e {
            Edit::Insert(i, t) => {
                let p = at(i);
                bytes.splice(p..p, t.iter().copied());
            }
            Edit::Delete(i, n) => {
                let p = at(i);
                bytes.drain(p..(p + n).min(len));
            }
            Edit::Duplicate(i, n) => {
                let p = at(i);
                let copy = bytes[p..(p + n).min(len)].to_vec();
                bytes.splice(p..p, copy);
            }
            Edit::Replace(i, b) if len > 0 => bytes[i.index(len)] = *b,
            Edit::Replace(..) => {}
            Edit::Truncate(i) => bytes.truncate(at(i)),
        }
    }
    bytes
}

#[test]
fn arbitrary_bytes_never_break_the_library() {
    run("arbitrary bytes", 3000, vec(any::<u8>(), 0..1500), |bytes| check(&bytes));
}

#[test]
fn cable_like_token_soup_never_breaks_the_library() {
    run("token soup", 2000, vec(token(), 0..120), |tokens| check(&tokens.concat()));
}

#[test]
fn mutated_examples_never_break_the_library() {
    let examples: Vec<Vec<u8>> = EXAMPLES.iter().map(|p| std::fs::read(p).expect("example readable")).collect();
    run("mutated examples", 600, (0..examples.len(), vec(edit(), 1..8)), |(n, edits)| {
        check(&apply(examples[n].clone(), &edits))
    });
}

#[test]
fn mutated_corpus_cables_never_break_the_library() {
    let Some(dir) = common::corpus_dir("mutated_corpus_cables_never_break_the_library") else {
        return;
    };
    let mut files = Vec::new();
    for form in ["text", "markdown", "html"] {
        files.extend(common::corpus_files(&dir, form).into_iter().map(|(_, path)| path));
    }
    assert!(files.len() > 100, "the corpus has its cables");
    let read = |p: &Path| std::fs::read(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
    run("mutated corpus cables", 600, (0..files.len(), vec(edit(), 1..8)), |(n, edits)| {
        check(&apply(read(&files[n]), &edits))
    });
}
