//! The seed cable (08USUNNEWYORK314, Markdown form) end to end: the facts the
//! project started from, then snapshots of the text report and the JSON.

mod common;

use common::cable;

const SEED: &str = "examples/08USUNNEWYORK314.md";

fn seed_json() -> serde_json::Value {
    let out = cable().args(["--json", SEED]).output().expect("cable runs");
    assert!(out.status.success());
    assert!(out.stderr.is_empty(), "stderr: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("one JSON object")
}

#[test]
fn seed_facts() {
    let c = seed_json();
    assert_eq!(c["id"], "08USUNNEWYORK314");
    assert_eq!(c["date"], "2008-04-07T23:54:00Z");
    assert_eq!(c["dtg"], "072354Z APR 08");
    assert_eq!(c["classification"], "CONFIDENTIAL");
    assert_eq!(c["source"]["format"], "markdown");
    assert_eq!(c["tags"], serde_json::json!(["PREL", "AORC", "KPAQ", "PTER", "UNSC", "KNNP"]));
    assert_eq!(c["subject"], "1540: RUSSIANS QUESTION U.S. PROPOSALS FOR MANDATE RENEWAL RESOLUTION");

    let refs = c["references"].as_array().unwrap();
    let labels: Vec<&str> = refs.iter().map(|r| r["label"].as_str().unwrap()).collect();
    assert_eq!(labels, ["A", "B", "C", "D", "E", "F", "G", "H"]);
    assert_eq!(refs[0]["id"], "08USUNNEWYORK303");
    assert_eq!(refs[3]["text"], "USUN/IO EMAILS (WILCOX/JOHNSON)--03/25/08");
    assert!(refs[3]["id"].is_null(), "the e-mail reference has no cable id");
    assert_eq!(refs[7]["id"], "08STATE8246");

    let paragraphs = c["paragraphs"].as_array().unwrap();
    assert_eq!(paragraphs.len(), 3);
    let third = paragraphs[2]["text"].as_str().unwrap();
    assert!(third.contains("repeated insistence on characterizing resolution 1540"), "page break not joined: {third}");
    assert_eq!(paragraphs[2]["number"], 3);
    assert_eq!(paragraphs[2]["marking"], "C");

    let summary = c["summary"].as_str().unwrap();
    assert!(summary.starts_with("On the margins of the Security Council 1540 Committee's meeting"));
    assert!(summary.ends_with("would be difficult for China to accept."));
    assert!(!summary.contains("SUMMARY"));

    assert_eq!(c["signers"], serde_json::json!(["Khalilzad"]));
    assert_eq!(c["classified_by"]["name"], "Carolyn L. Willson");
    assert_eq!(c["classified_by"]["reasons"], serde_json::json!(["1.4(b)", "1.4(d)"]));
    assert_eq!(c["warnings"], serde_json::json!([]));
}

#[test]
fn seed_json_snapshot() {
    let out = cable().args(["--json", "--pretty", SEED]).output().expect("cable runs");
    insta::assert_snapshot!(String::from_utf8(out.stdout).unwrap());
}

#[test]
fn seed_text_snapshot() {
    let out = cable().args(["--color", "never", "--width", "80", SEED]).output().expect("cable runs");
    insta::assert_snapshot!(String::from_utf8(out.stdout).unwrap());
}

#[test]
fn seed_text_in_colour() {
    let out = cable().args(["--color", "always", SEED]).output().expect("cable runs");
    let text = String::from_utf8(out.stdout).unwrap();
    // Classification in bold yellow (CONFIDENTIAL), tags in cyan.
    assert!(text.contains("\u{1b}[1;33mCONFIDENTIAL\u{1b}[0m"), "{text}");
    assert!(text.contains("\u{1b}[36mPREL"), "{text}");
}
