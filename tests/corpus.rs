//! Every cable of `../shared/corpus`, in each of its forms, checked against
//! the publisher's `metadata.jsonl`. The file name is hidden from the parser
//! (the text goes in as if from stdin), so this measures what the text gives.
//!
//! Each miss must be listed in `tests/known_failures.txt` with its reason,
//! and each listed miss must still happen (the list cannot go stale).

mod common;

use std::collections::{BTreeSet, HashMap};
use std::fmt::Write as _;

use cable_inspector::input::{decode, detect, to_document};
use cable_inspector::{Cable, parse};
use common::{Meta, corpus_dir, corpus_files, metadata};

const FORMS: [&str; 3] = ["text", "markdown", "html"];

/// Does the text hold a date-time group (`072354Z APR 08`, `291359Z Nov 00`)?
/// Written independently of the parser's own DTG reader.
fn has_dtg(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    words.windows(3).any(|w| {
        let group = w[0].as_bytes();
        group.len() == 7
            && group[..6].iter().all(u8::is_ascii_digit)
            && group[6].eq_ignore_ascii_case(&b'Z')
            && w[1].len() == 3
            && w[1].chars().all(|c| c.is_ascii_alphabetic())
            && w[2].len() == 2
            && w[2].chars().all(|c| c.is_ascii_digit())
    })
}

/// Does the header have an FM line (or, for a page, a table with an origin)?
fn has_fm_line(text: &str) -> bool {
    text.lines().any(|l| l.starts_with("FM "))
}

/// Tags as the site linked them: a person tag word by word, one-letter
/// words dropped, each word once.
fn words(tags: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for word in tags.iter().flat_map(|t| t.split([' ', ','])) {
        let word = word.trim_end_matches('.').to_uppercase();
        if word.chars().count() > 1 && !out.contains(&word) {
            out.push(word);
        }
    }
    out
}

fn tags_begin_with(got: &[String], want: &[String]) -> bool {
    let got = words(got);
    let want = words(want);
    got.len() >= want.len() && got[..want.len()] == want[..]
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A subject as the site's page title shows it: the title drops a leading
/// bracket or quote (`(S) X` is titled `S) X`), and a few copies are in
/// lower case.
fn title_form(s: &str) -> String {
    collapse(s).trim_start_matches(['(', '[', '"', '\u{201c}', '\u{2018}', '\'']).to_uppercase()
}

/// One field's tally for one form.
#[derive(Default)]
struct Tally {
    checked: usize,
    agreed: usize,
}

impl Tally {
    fn add(&mut self, ok: bool) {
        self.checked += 1;
        self.agreed += ok as usize;
    }
    fn rate(&self) -> f64 {
        if self.checked == 0 { 1.0 } else { self.agreed as f64 / self.checked as f64 }
    }
}

struct Run {
    tallies: HashMap<(&'static str, &'static str), Tally>,
    /// (id, field) -> what was got and wanted, per form.
    misses: HashMap<(String, String), Vec<String>>,
}

impl Run {
    fn check(&mut self, form: &'static str, field: &'static str, id: &str, ok: bool, got: String, want: String) {
        self.tallies.entry((form, field)).or_default().add(ok);
        if !ok {
            self.misses
                .entry((id.to_string(), field.to_string()))
                .or_default()
                .push(format!("{form}: got {got}, want {want}"));
        }
    }
}

fn parse_hidden(bytes: Vec<u8>) -> (Cable, String) {
    let mut warnings = Vec::new();
    let text = decode::decode(bytes, &mut warnings).expect("corpus file is text");
    let format = detect(&text);
    let mut doc = to_document(text.clone(), format).expect("corpus file is a cable");
    doc.warnings = warnings;
    (parse(&doc), text)
}

fn check_cable(run: &mut Run, form: &'static str, meta: &Meta, cable: &Cable, text: &str) {
    let dtg = has_dtg(text);
    let show = |v: &Option<String>| v.clone().unwrap_or_else(|| "null".to_string());
    if dtg {
        run.check(form, "id", &meta.id, cable.id.as_deref() == Some(&meta.id), show(&cable.id), meta.id.clone());
        let day = cable.date.as_deref().map(|d| &d[..10]);
        run.check(form, "date", &meta.id, day == Some(&meta.created[..10]), show(&cable.date), meta.created.clone());
    } else {
        // No year in the text: right, or null with a warning; never wrong.
        let ok = match &cable.id {
            Some(id) => id == &meta.id,
            None => cable.warnings.iter().any(|w| w.contains("id")),
        };
        run.check(form, "id-partial", &meta.id, ok, show(&cable.id), meta.id.clone());
    }
    run.check(
        form,
        "classification",
        &meta.id,
        cable.classification.as_deref() == Some(&meta.classification),
        show(&cable.classification),
        meta.classification.clone(),
    );
    run.check(
        form,
        "tags",
        &meta.id,
        tags_begin_with(&cable.tags, &meta.tags),
        format!("{:?}", cable.tags),
        format!("{:?}", meta.tags),
    );
    let subject = cable.subject.as_deref().map(title_form).unwrap_or_default();
    run.check(
        form,
        "subject",
        &meta.id,
        subject.starts_with(&title_form(&meta.subject)),
        format!("{subject:?}"),
        format!("{:?}", meta.subject),
    );
    if has_fm_line(text) || form == "html" {
        run.check(
            form,
            "origin",
            &meta.id,
            cable.origin.as_deref() == Some(&meta.origin),
            show(&cable.origin),
            meta.origin.clone(),
        );
    } else {
        let ok = cable.origin.as_ref().is_none_or(|o| o == &meta.origin);
        run.check(form, "origin-other", &meta.id, ok, show(&cable.origin), meta.origin.clone());
    }
}

/// `ID FIELD reason` lines of `tests/known_failures.txt`.
fn known_failures() -> BTreeSet<(String, String)> {
    let text = include_str!("known_failures.txt");
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            let mut parts = l.split_whitespace();
            let id = parts.next().expect("id").to_string();
            let field = parts.next().expect("field").to_string();
            assert!(parts.next().is_some(), "known failure without a reason: {l}");
            (id, field)
        })
        .collect()
}

/// Minimum agreement per field (of the cables the field is checked on).
const TARGETS: [(&str, f64); 8] = [
    ("id", 0.99),
    ("id-partial", 1.0),
    ("date", 0.99),
    ("classification", 0.98),
    ("tags", 0.99),
    ("subject", 0.98),
    ("origin", 0.97),
    ("origin-other", 1.0),
];

#[test]
fn corpus_agrees_with_metadata() {
    let Some(dir) = corpus_dir("corpus_agrees_with_metadata") else {
        return;
    };
    let meta = metadata(&dir);
    let mut run = Run { tallies: HashMap::new(), misses: HashMap::new() };
    let mut cables = 0;
    for form in FORMS {
        for (id, path) in corpus_files(&dir, form) {
            let m = meta.get(&id).unwrap_or_else(|| panic!("{id} is not in metadata.jsonl"));
            let bytes = std::fs::read(&path).expect("corpus file readable");
            let (cable, text) = parse_hidden(bytes);
            check_cable(&mut run, form, m, &cable, &text);
            cables += 1;
        }
    }
    assert!(cables > 1000, "only {cables} corpus cables found");

    let mut report = String::new();
    let mut below = Vec::new();
    for form in FORMS {
        for (field, target) in TARGETS {
            let Some(t) = run.tallies.get(&(form, field)) else { continue };
            let _ = writeln!(
                report,
                "{form:9} {field:15} {:5}/{:5} = {:.4} (target {target})",
                t.agreed,
                t.checked,
                t.rate()
            );
            if t.rate() < target {
                below.push(format!("{form} {field}"));
            }
        }
    }
    let known = known_failures();
    let missed: BTreeSet<(String, String)> = run.misses.keys().cloned().collect();
    let unlisted: Vec<String> =
        missed.difference(&known).map(|k| format!("{} {} -- {}", k.0, k.1, run.misses[k].join("; "))).collect();
    let stale: Vec<String> = known.difference(&missed).map(|k| format!("{} {}", k.0, k.1)).collect();
    eprintln!("{report}");
    if !unlisted.is_empty() {
        eprintln!("misses not in known_failures.txt:\n{}", unlisted.join("\n"));
    }
    assert!(below.is_empty(), "below target: {below:?}\n{report}");
    assert!(unlisted.is_empty(), "misses not in known_failures.txt:\n{}", unlisted.join("\n"));
    assert!(stale.is_empty(), "known failures that no longer fail (remove them):\n{}", stale.join("\n"));
}

#[test]
fn every_corpus_cable_matches_the_schema() {
    let Some(dir) = corpus_dir("every_corpus_cable_matches_the_schema") else {
        return;
    };
    let validator = common::schema_validator();
    let mut checked = 0;
    let mut failures = Vec::new();
    for form in FORMS {
        for (id, path) in corpus_files(&dir, form) {
            let (cable, _) = parse_hidden(std::fs::read(&path).expect("corpus file readable"));
            let value = serde_json::to_value(&cable).expect("cable serialises");
            let errors = common::schema_errors(&validator, &value);
            if !errors.is_empty() {
                failures.push(format!("{form} {id}: {}", errors.join("; ")));
            }
            checked += 1;
        }
    }
    assert!(checked > 1000, "only {checked} corpus cables found");
    assert!(
        failures.is_empty(),
        "{} cables do not match docs/cable.schema.json:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn the_binary_gives_one_record_per_corpus_file() {
    let Some(dir) = corpus_dir("the_binary_gives_one_record_per_corpus_file") else {
        return;
    };
    for form in FORMS {
        let files: Vec<_> = corpus_files(&dir, form).into_iter().map(|(_, p)| p).collect();
        let out = common::cable().arg("--json").args(&files).output().expect("cable runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{form}: exit {:?}: {stderr}", out.status.code());
        assert!(!stderr.contains("panicked"), "{form}: {stderr}");
        let records = String::from_utf8(out.stdout).expect("UTF-8").lines().count();
        assert_eq!(records, files.len(), "{form}: one JSON line per file");
        let text = common::cable().args(["--color", "never"]).args(&files).output().expect("cable runs");
        assert!(text.status.success(), "{form}: text report failed");
    }
}

#[test]
fn compact_json_is_serde_json_byte_for_byte() {
    let Some(dir) = corpus_dir("compact_json_is_serde_json_byte_for_byte") else {
        return;
    };
    use cable_inspector::output::{Renderer, json::JsonRenderer};
    let renderer = JsonRenderer::whole(false);
    for form in FORMS {
        for (id, path) in corpus_files(&dir, form) {
            let (cable, _) = parse_hidden(std::fs::read(&path).expect("corpus file readable"));
            let mut ours = Vec::new();
            renderer.render(&cable, Default::default(), &mut ours).unwrap();
            let mut reference = serde_json::to_vec(&cable).unwrap();
            reference.push(b'\n');
            assert!(ours == reference, "{form} {id}: JSON differs from serde_json's");
        }
    }
}
