//! The `cable` binary as scripts and terminals use it: JSON Lines, stdin,
//! format detection, colour, errors and exit codes, closed pipes.

mod common;

use std::io::{Read, Write};
use std::process::{Command, Stdio};

use common::cable;
use predicates::prelude::*;

const SEED: &str = "examples/08USUNNEWYORK314.md";
const VALLETTA: &str = "examples/09VALLETTA412.txt";
const MONTEVIDEO: &str = "examples/10MONTEVIDEO55.html";

fn json_lines(stdout: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8(stdout.to_vec())
        .expect("UTF-8 output")
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

#[test]
fn json_is_one_object_per_line_in_input_order() {
    let out = cable().args(["--json", SEED, VALLETTA, MONTEVIDEO]).output().unwrap();
    assert!(out.status.success());
    let ids: Vec<_> = json_lines(&out.stdout).iter().map(|c| c["id"].as_str().unwrap().to_string()).collect();
    assert_eq!(ids, ["08USUNNEWYORK314", "09VALLETTA412", "10MONTEVIDEO55"]);
}

#[test]
fn pretty_json_is_indented_json() {
    let out = cable().args(["--pretty", VALLETTA]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("{\n  \"id\": \"09VALLETTA412\""), "{text}");
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(value["classification"], "SECRET//NOFORN");
}

#[test]
fn reads_stdin_with_dash_and_without_arguments() {
    let text = std::fs::read(VALLETTA).unwrap();
    for args in [vec!["--json", "-"], vec!["--json"]] {
        let out = cable().args(&args).write_stdin(text.clone()).output().unwrap();
        assert!(out.status.success(), "{args:?}");
        let c = &json_lines(&out.stdout)[0];
        assert_eq!(c["id"], "09VALLETTA412");
        assert!(c["source"]["path"].is_null(), "stdin has no path");
    }
}

#[test]
fn detects_the_form_from_content_not_extension() {
    let dir = tempfile::tempdir().unwrap();
    let disguised = dir.path().join("page.txt");
    std::fs::copy(MONTEVIDEO, &disguised).unwrap();
    let out = cable().arg("--json").arg(&disguised).output().unwrap();
    let c = &json_lines(&out.stdout)[0];
    assert_eq!(c["source"]["format"], "html");
    assert_eq!(c["origin"], "Embassy Montevideo");
    assert_eq!(c["created"], "2010-02-03T18:20");
}

#[test]
fn input_format_overrides_detection() {
    let out = cable().args(["--json", "--input-format", "text", SEED]).output().unwrap();
    let c = &json_lines(&out.stdout)[0];
    assert_eq!(c["source"]["format"], "text");
    // Read as text, the Markdown paragraph markers `[11.](#)` are not numbers.
    let paragraphs = c["paragraphs"].as_array().unwrap();
    assert!(!paragraphs.is_empty() && paragraphs.iter().all(|p| p["number"].is_null()), "{c}");
}

#[test]
fn text_report_shows_every_part() {
    let out = cable().args(["--color", "never", VALLETTA]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    for part in [
        "09VALLETTA412  SECRET//NOFORN  2009-10-14 15:30 UTC",
        "MALTA: MINISTER ASKS FOR HELP WITH MIGRANT BOATS, OFFERS PORT ACCESS IN RETURN",
        "From           Embassy Valletta (FM AMEMBASSY VALLETTA)",
        "Captions       NOFORN SIPDIS",
        "Distribution   STATE FOR EUR/WE AND PRM",
        "A  09 VALLETTA 377 -> 09VALLETTA377",
        "Summary\n  Home Affairs Minister",
        "  2. (S/NF) Vella said",
        "     -- the Swedish EU presidency;",
        "Signed         EXAMPLE",
    ] {
        assert!(text.contains(part), "missing {part:?} in:\n{text}");
    }
    assert!(!text.contains('\u{1b}'), "no colour with --color never");
    assert!(text.lines().all(|l| l.chars().count() <= 80), "lines wrap at 80 when not a terminal");
}

#[test]
fn width_option_wraps_the_report() {
    let out = cable().args(["--color", "never", "--width", "50", VALLETTA]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.lines().all(|l| l.chars().count() <= 50), "{text}");
}

#[test]
fn colour_follows_the_choice_and_no_color() {
    let always = cable().args(["--color", "always", VALLETTA]).output().unwrap();
    assert!(String::from_utf8_lossy(&always.stdout).contains("\u{1b}[1;31mSECRET//NOFORN"));
    // auto: stdout is a pipe here, so no colour, NO_COLOR or not.
    let auto = cable().args(["--color", "auto", VALLETTA]).env("NO_COLOR", "1").output().unwrap();
    assert!(!String::from_utf8_lossy(&auto.stdout).contains('\u{1b}'));
}

#[test]
fn a_missing_file_is_one_error_line_and_the_rest_goes_on() {
    let out = cable().args(["--json", "no/such/cable.txt", VALLETTA]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr, "cable: no/such/cable.txt: no such file\n");
    assert_eq!(json_lines(&out.stdout).len(), 1, "the good input is still printed");
}

#[test]
fn not_a_cable_inputs_fail_with_their_cause() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let blank = dir.path().join("blank.txt");
    std::fs::write(&blank, "  \n\n\t\n").unwrap();
    let png = dir.path().join("picture.png");
    std::fs::write(&png, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01").unwrap();
    let page = dir.path().join("page.html");
    std::fs::write(&page, "<html><body><p>Hello</p></body></html>").unwrap();
    for (path, cause) in [
        (&empty, "empty input"),
        (&blank, "empty input"),
        (&png, "binary data (PNG image)"),
        (&page, "HTML page without <pre> blocks"),
    ] {
        let out = cable().arg("--json").arg(path).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{}", path.display());
        assert!(out.stdout.is_empty(), "no record for {}", path.display());
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(stderr.starts_with(&format!("cable: {}: ", path.display())), "{stderr}");
        assert!(stderr.contains(cause), "{stderr}");
    }
}

#[test]
fn usage_errors_exit_2() {
    cable().arg("--no-such-flag").assert().code(2);
    cable().args(["--color", "sometimes", SEED]).assert().code(2);
    cable().args(["--input-format", "pdf", SEED]).assert().code(2);
}

#[test]
fn help_and_version() {
    cable().arg("--help").assert().success().stdout(predicate::str::contains("--json"));
    cable().arg("--version").assert().success().stdout(predicate::str::starts_with("cable "));
}

/// Runs `cable` with stdout into a pipe that is closed after one line.
fn run_into_closed_pipe(args: &[&str]) -> (Option<i32>, String) {
    let bin = assert_cmd::cargo::cargo_bin("cable");
    let mut child = Command::new(bin).args(args).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 64];
    let _ = stdout.read(&mut first).unwrap();
    drop(stdout);
    let status = child.wait().unwrap();
    let mut stderr = String::new();
    child.stderr.take().unwrap().read_to_string(&mut stderr).unwrap();
    (status.code(), stderr)
}

#[test]
fn a_closed_pipe_ends_quietly_with_success() {
    // Enough output to fill the pipe buffer many times over.
    let many: Vec<&str> = std::iter::repeat_n(VALLETTA, 400).collect();
    for mode in [vec!["--json"], vec!["--color", "never"]] {
        let args: Vec<&str> = mode.iter().copied().chain(many.iter().copied()).collect();
        let (code, stderr) = run_into_closed_pipe(&args);
        assert_eq!(code, Some(0), "{mode:?}: {stderr}");
        assert_eq!(stderr, "", "{mode:?}");
    }
}

#[test]
fn file_name_may_supply_the_year_of_a_partial_extract() {
    let dir = tempfile::tempdir().unwrap();
    let text = "This record is a partial extract of the original cable. The full text of the original cable is not available.\n\n\
                S E C R E T SECTION 01 OF 02 AMMAN 001288 \n\nSIPDIS\n\nEO 12958 DECL: 02/19/2014\nTAGS PREL, PGOV\n\
                SUBJECT: MUASHER ON KUWAIT MEETING\n\n1. (S) Text.\n";
    let named = dir.path().join("04AMMAN1288.txt");
    std::fs::write(&named, text).unwrap();
    let out = cable().arg("--json").arg(&named).output().unwrap();
    let c = &json_lines(&out.stdout)[0];
    assert_eq!(c["id"], "04AMMAN1288");
    assert!(c["warnings"].to_string().contains("id year taken from the file name"), "{c}");

    let mut child = Command::new(assert_cmd::cargo::cargo_bin("cable"))
        .arg("--json")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(text.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    let c = &json_lines(&out.stdout)[0];
    assert!(c["id"].is_null(), "without a DTG or file name the id is unknown: {c}");
    assert!(c["warnings"].to_string().contains("id unknown"), "{c}");
    assert!(c["date"].is_null() && c["dtg"].is_null());
}
