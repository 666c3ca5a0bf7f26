//! Hostile and damaged input through the real binary. What is not a cable
//! at all is one line on stderr (`cable: PATH: cause`), no record and exit
//! 1; a damaged cable is a record whose `warnings` say what was wrong, with
//! everything else still read. Nothing panics, and stdout stays JSON Lines
//! for the other inputs of the same run.

mod common;

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use common::cable;
use serde_json::Value;

const SEED: &str = "examples/08USUNNEWYORK314.md";
const VALLETTA: &str = "examples/09VALLETTA412.txt";
const MONTEVIDEO: &str = "examples/10MONTEVIDEO55.html";

/// Far above the time any of the large inputs below takes even in a debug
/// build on a loaded machine (seconds), far below what a quadratic parser
/// takes on them (hours).
const GENEROUS: Duration = Duration::from_secs(120);

/// What one run of `cable --json` gave.
struct Run {
    code: Option<i32>,
    records: Vec<Value>,
    errors: Vec<String>,
    took: Duration,
}

fn run<I: AsRef<std::ffi::OsStr>>(inputs: &[I]) -> Run {
    let started = Instant::now();
    let out = cable().arg("--json").args(inputs).output().expect("cable runs");
    let took = started.elapsed();
    let stdout = String::from_utf8(out.stdout).expect("stdout is UTF-8");
    let stderr = String::from_utf8(out.stderr).expect("stderr is UTF-8");
    assert!(!stderr.contains("panicked"), "a panic: {stderr}");
    let records = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("stdout line is not JSON ({e}): {l:.200}")))
        .collect();
    Run { code: out.status.code(), records, errors: stderr.lines().map(str::to_string).collect(), took }
}

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("temp file written");
    path
}

fn read(path: &str) -> Vec<u8> {
    std::fs::read(path).expect("example readable")
}

/// A record without what depends on where and how it was read, to compare
/// the same cable read from different bytes.
fn content(record: &Value) -> Value {
    let mut v = record.clone();
    v["source"] = Value::Null;
    v["warnings"] = Value::Null;
    v
}

fn warnings(record: &Value) -> Vec<String> {
    record["warnings"].as_array().expect("warnings").iter().map(|w| w.as_str().expect("text").to_string()).collect()
}

fn one_record(run: &Run) -> &Value {
    assert_eq!((run.code, run.errors.len(), run.records.len()), (Some(0), 0, 1), "errors: {:?}", run.errors);
    &run.records[0]
}

/// The seed as the parser reads it when nothing is wrong with it.
fn seed_record() -> Value {
    one_record(&run(&[SEED])).clone()
}

/// Files that are not cables, each with the exact line it must give.
fn not_cables(dir: &Path) -> Vec<(PathBuf, String)> {
    let mut elf = b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x02\0\x3e\0\x01\0\0\0".to_vec();
    elf.extend((0..4096u32).map(|n| (n.wrapping_mul(2_654_435_761) >> 24) as u8));
    let cases: Vec<(PathBuf, &str)> = vec![
        (write(dir, "empty.txt", ""), "empty input: no cable text"),
        (write(dir, "blank.txt", " \n\t\r\n  \n"), "empty input: no cable text"),
        (
            write(dir, "scan.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x02\x80\0\0\x01\xe0\x08\x06\0\0\0"),
            "not a cable: binary data (PNG image)",
        ),
        (write(dir, "tool", elf), "not a cable: binary data (ELF executable)"),
        (dir.join("no-such-cable.txt"), "no such file"),
        (
            write(
                dir,
                "index.html",
                "<!DOCTYPE html>\n<html><body><h1>Cables</h1><p>No cable here.</p></body></html>\n",
            ),
            "HTML page without <pre> blocks: not a cable page",
        ),
    ];
    cases.into_iter().map(|(path, cause)| (path.clone(), format!("cable: {}: {cause}", path.display()))).collect()
}

#[test]
fn not_a_cable_is_one_error_line_and_no_record() {
    let dir = tempfile::tempdir().unwrap();
    for (path, line) in not_cables(dir.path()) {
        let r = run(&[&path]);
        assert_eq!(r.code, Some(1), "{}", path.display());
        assert_eq!(r.errors, [line]);
        assert!(r.records.is_empty(), "no record for {}", path.display());
    }
}

#[test]
fn other_inputs_of_the_run_are_still_printed() {
    let dir = tempfile::tempdir().unwrap();
    let bad = not_cables(dir.path());
    let mut args: Vec<OsString> = Vec::new();
    for (n, (path, _)) in bad.iter().enumerate() {
        args.push([VALLETTA, SEED, MONTEVIDEO][n % 3].into());
        args.push(path.into());
    }
    let r = run(&args);
    assert_eq!(r.code, Some(1));
    let expected: Vec<&String> = bad.iter().map(|(_, line)| line).collect();
    assert_eq!(r.errors.iter().collect::<Vec<_>>(), expected, "one line per bad input, in order");
    let ids: Vec<&str> = r.records.iter().map(|c| c["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["09VALLETTA412", "08USUNNEWYORK314", "10MONTEVIDEO55"].repeat(2));
}

#[test]
fn nul_bytes_are_removed_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let seed = String::from_utf8(read(SEED)).unwrap();
    let damaged = seed.replacen("RUSSIANS", "RUSS\0IANS", 1).replacen("Moscow has", "Mos\0\0cow has", 1);
    let c = one_record(&run(&[write(dir.path(), "nul.md", damaged)])).clone();
    assert_eq!(warnings(&c), ["3 NUL byte(s) removed"]);
    assert_eq!(content(&c), content(&seed_record()), "everything else read as from the clean file");
}

#[test]
fn invalid_utf8_is_read_as_windows_1252_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let seed = read(SEED);
    let text = String::from_utf8(seed.clone()).unwrap();
    // A Latin-1 name as signer, Windows-1252 quotes inside the summary.
    let at = text.find("Khalilzad").unwrap();
    let quote_at = text.find("Moscow has reviewed").unwrap();
    let mut damaged = seed[..quote_at].to_vec();
    damaged.extend_from_slice(b"\x93Moscow\x94");
    damaged.extend_from_slice(&seed[quote_at + "Moscow".len()..at]);
    damaged.extend_from_slice(b"O\xd5CONNOR");
    damaged.extend_from_slice(&seed[at + "Khalilzad".len()..]);
    let c = one_record(&run(&[write(dir.path(), "latin1.md", damaged)])).clone();
    assert_eq!(warnings(&c), [format!("invalid UTF-8 (first at byte {quote_at}): bytes read as Windows-1252")]);
    assert_eq!(c["signers"], serde_json::json!(["O\u{d5}CONNOR"]));
    let summary = c["summary"].as_str().unwrap();
    assert!(summary.contains("\u{201c}Moscow\u{201d} has reviewed"), "{summary}");
    assert_eq!(c["id"], "08USUNNEWYORK314");
    assert_eq!(c["references"], seed_record()["references"]);
}

/// Each field the parser could not find is named in the warnings.
fn assert_missing_parts_are_warned(c: &Value) {
    let w = warnings(c).join("\n");
    for (field, empty, warning) in [
        ("classification", Value::Null, "no classification line found"),
        ("date", Value::Null, "no date-time group found"),
        ("subject", Value::Null, "no SUBJECT line found"),
        ("paragraphs", serde_json::json!([]), "no body text found"),
    ] {
        if c[field] == empty {
            assert!(w.contains(warning), "{field} missing without a warning in {}", c["source"]["path"]);
        }
    }
}

#[test]
fn the_seed_cut_at_every_50th_byte_gives_a_record_or_one_error_line() {
    let dir = tempfile::tempdir().unwrap();
    let seed = read(SEED);
    let full = seed_record();
    let cuts: Vec<usize> = (0..seed.len()).step_by(50).collect();
    let paths: Vec<PathBuf> = cuts.iter().map(|&n| write(dir.path(), &format!("cut{n:05}.md"), &seed[..n])).collect();
    let r = run(&paths);
    assert_eq!(r.code, Some(1), "the empty cut fails");
    // Only the cut that leaves no text is refused.
    assert_eq!(r.errors, [format!("cable: {}: empty input: no cable text", paths[0].display())]);
    assert_eq!(r.records.len(), cuts.len() - 1, "every other cut gives a record");
    let end_of = |needle: &str| {
        let text = std::str::from_utf8(&seed).unwrap();
        text.find(needle).map(|p| p + needle.len()).unwrap()
    };
    for (c, (&n, path)) in r.records.iter().zip(cuts.iter().zip(&paths).skip(1)) {
        assert_eq!(c["source"]["path"], path.display().to_string(), "records in input order");
        assert_missing_parts_are_warned(c);
        // What lies wholly before the cut is read as from the whole file.
        if n > end_of("USUN NEW YORK 000314\n") {
            assert_eq!((&c["id"], &c["classification"]), (&full["id"], &full["classification"]), "cut {n}");
        }
        if n > end_of("[KNNP](#)\n") {
            assert_eq!(c["tags"], full["tags"], "cut {n}");
        }
        if n > end_of("RENEWAL RESOLUTION\n") {
            assert_eq!(c["subject"], full["subject"], "cut {n}");
        }
        if n > end_of("1.4(b) and (d).\n") {
            assert_eq!(c["references"], full["references"], "cut {n}");
            assert_eq!(c["classified_by"], full["classified_by"], "cut {n}");
        }
    }
}

#[test]
fn a_100_mb_single_line_is_read_fast() {
    let dir = tempfile::tempdir().unwrap();
    let seed = String::from_utf8(read(SEED)).unwrap();
    // The last paragraph as one 100 MB line, as re-typed copies write them.
    let line = "weapons of mass destruction ".repeat(100 * 1024 * 1024 / 28);
    let text = seed.replacen("characterizing resolution 1540", &format!("characterizing {line}"), 1);
    let path = write(dir.path(), "long-line.md", &text);
    let r = run(&[&path]);
    eprintln!("100 MB single line: {:?}", r.took);
    let c = one_record(&r);
    assert!(r.took < GENEROUS, "took {:?}", r.took);
    assert_eq!(c["id"], "08USUNNEWYORK314");
    assert_eq!(c["warnings"], serde_json::json!([]));
    let last = c["paragraphs"][2]["text"].as_str().unwrap();
    assert!(
        last.len() > 100 * 1024 * 1024 - 100 && last.ends_with("such as the facilitation of technical assistance.")
    );
}

/// The seed's front matter with `refs` as its REF block and `body` after it.
fn cable_with(refs: &str, body: &str) -> String {
    format!(
        "VZCZCXYZ0000\nOO RUEHWEB\nDE RUCNDT #0314 0982354\nZNY CCCCC ZZH\nO 072354Z APR 08\n\
         FM USMISSION USUN NEW YORK\nTO RUEHC/SECSTATE WASHDC IMMEDIATE 4065\n\n\
         C O N F I D E N T I A L USUN NEW YORK 000314\n\nSIPDIS\n\nE.O. 12958: DECL: 04/07/2018\n\
         TAGS: PREL AORC\nSUBJECT: 1540: RUSSIANS QUESTION U.S. PROPOSALS\n\n{refs}\n\n\
         Classified By: Carolyn L. Willson, for reasons 1.4(b) and (d).\n\n{body}\n\nKhalilzad\n"
    )
}

#[test]
fn fifty_thousand_refs_and_a_hundred_thousand_paragraphs_are_all_read() {
    let dir = tempfile::tempdir().unwrap();
    let refs: Vec<String> = (1..=50_000).map(|n| format!("STATE {n};")).collect();
    let many_refs = write(dir.path(), "refs.txt", cable_with(&format!("REF: {}", refs.join("\n")), "1. (C) Text."));
    let paragraphs: Vec<String> =
        (0..100_000).map(|n| format!("{}. (C) Paragraph {n} of the cable.", n % 100 + 1)).collect();
    let many_paragraphs = write(dir.path(), "paragraphs.txt", cable_with("REF: STATE 1", &paragraphs.join("\n\n")));
    let r = run(&[&many_refs, &many_paragraphs]);
    eprintln!("50,000 REF items and 100,000 paragraphs: {:?}", r.took);
    assert!(r.took < GENEROUS, "took {:?}", r.took);
    assert_eq!((r.code, r.records.len()), (Some(0), 2));

    let found = r.records[0]["references"].as_array().unwrap();
    assert_eq!(found.len(), 50_000);
    assert_eq!((&found[0]["id"], &found[49_999]["id"]), (&"08STATE1".into(), &"08STATE50000".into()));
    let paras = r.records[1]["paragraphs"].as_array().unwrap();
    assert_eq!(paras.len(), 100_000);
    assert_eq!(
        (&paras[99_999]["number"], &paras[99_999]["text"]),
        (&100.into(), &"Paragraph 99999 of the cable.".into())
    );
    for c in &r.records {
        assert_eq!(c["warnings"], serde_json::json!([]));
        assert_eq!(c["signers"], serde_json::json!(["Khalilzad"]));
    }
}

#[test]
fn a_one_megabyte_subject_or_tags_line_is_read_whole() {
    let dir = tempfile::tempdir().unwrap();
    let subject = "LONG SUBJECT ".repeat(1024 * 1024 / 13);
    let codes: Vec<String> = (0..1024 * 1024 / 7).map(|n| format!("K{n:05}")).collect();
    let base = cable_with("REF: STATE 1", "1. (C) Text.");
    let long_subject = base.replace("1540: RUSSIANS QUESTION U.S. PROPOSALS", &subject);
    let long_tags = base.replace("TAGS: PREL AORC", &format!("TAGS: {}", codes.join(" ")));
    let r = run(&[write(dir.path(), "subject.txt", long_subject), write(dir.path(), "tags.txt", long_tags)]);
    eprintln!("1 MB subject and 1 MB TAGS line: {:?}", r.took);
    assert!(r.took < GENEROUS, "took {:?}", r.took);
    assert_eq!((r.code, r.records.len()), (Some(0), 2));
    assert_eq!(r.records[0]["subject"], subject.trim_end());
    let tags: Vec<&str> = r.records[1]["tags"].as_array().unwrap().iter().map(|t| t.as_str().unwrap()).collect();
    assert_eq!(tags, codes, "every code, once, in order");
    for c in &r.records {
        assert_eq!((&c["id"], &c["warnings"]), (&"08USUNNEWYORK314".into(), &serde_json::json!([])));
    }
}

#[test]
fn crlf_line_ends_give_the_same_json_as_lf() {
    let dir = tempfile::tempdir().unwrap();
    let examples = [SEED, VALLETTA, MONTEVIDEO];
    let mut args: Vec<PathBuf> = examples.iter().map(PathBuf::from).collect();
    for path in examples {
        let text = String::from_utf8(read(path)).unwrap();
        let name = Path::new(path).file_name().unwrap().to_str().unwrap();
        args.push(write(dir.path(), name, text.replace('\n', "\r\n")));
    }
    let r = run(&args);
    assert_eq!((r.code, r.records.len()), (Some(0), 6));
    for (lf, crlf) in r.records[..3].iter().zip(&r.records[3..]) {
        assert_eq!(content(lf), content(crlf), "{}", lf["id"]);
        assert_eq!((&lf["warnings"], &lf["source"]["format"]), (&crlf["warnings"], &crlf["source"]["format"]));
        assert_ne!(lf["source"]["path"], crlf["source"]["path"]);
    }
}

#[test]
fn a_cable_written_twice_is_read_once_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let seed = String::from_utf8(read(SEED)).unwrap();
    let valletta = String::from_utf8(read(VALLETTA)).unwrap();
    let twice = write(dir.path(), "twice.md", format!("{seed}\n{seed}"));
    let two = write(dir.path(), "two.txt", format!("{valletta}\n\n{}", String::from_utf8(read(SEED)).unwrap()));
    let r = run(&[&twice, &two]);
    assert_eq!((r.code, r.records.len()), (Some(0), 2), "{:?}", r.errors);

    // The seed has no final newline; its copy opens with two blank lines.
    let lines = seed.lines().count();
    assert_eq!(content(&r.records[0]), content(&seed_record()), "the first copy, read as the seed");
    assert_eq!(
        warnings(&r.records[0]),
        [format!("the cable is repeated from line {}: the repeat was not read", lines + 3)]
    );

    let alone = one_record(&run(&[VALLETTA])).clone();
    assert_eq!(content(&r.records[1]), content(&alone), "the first cable, nothing of the second");
    // Two blank lines between the files, two more at the top of the seed.
    let second_at = valletta.lines().count() + 5;
    assert_eq!(
        warnings(&r.records[1]),
        [format!("a second cable starts at line {second_at}: only the first cable of the input was read")]
    );
}

#[test]
fn utf16_with_a_byte_order_mark_reads_as_utf8() {
    let dir = tempfile::tempdir().unwrap();
    let seed = String::from_utf8(read(SEED)).unwrap();
    let utf16: Vec<u8> = [0xff, 0xfe].into_iter().chain(seed.encode_utf16().flat_map(u16::to_le_bytes)).collect();
    let c = one_record(&run(&[write(dir.path(), "unicode.md", utf16)])).clone();
    assert_eq!(c, {
        let mut same = seed_record();
        same["source"]["path"] = c["source"]["path"].clone();
        same
    });
}
