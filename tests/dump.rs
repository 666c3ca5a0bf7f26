//! `cables.csv` dumps and folders: the corpus dump checked record by record
//! against the publisher's metadata and against the same cables read from
//! `text/`; malformed dumps; folders with things that are not cables.

mod common;

use std::io::Write;

use cable_inspector::document::Document;
use cable_inspector::input::csv::{DumpReader, Item};
use cable_inspector::input::{decode, to_document};
use cable_inspector::model::Format;
use cable_inspector::parse;
use common::{cable, corpus_dir, metadata};

fn json_lines(stdout: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8(stdout.to_vec()).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

#[test]
fn corpus_dump_agrees_with_metadata_and_text_files() {
    let Some(dir) = corpus_dir("corpus_dump_agrees_with_metadata_and_text_files") else {
        return;
    };
    let meta = metadata(&dir);
    let file = std::fs::File::open(dir.join("cables.csv")).expect("cables.csv readable");
    let mut records = 0;
    let mut mismatches = Vec::new();
    for item in DumpReader::new(file, Vec::new(), 1 << 28) {
        let record = match item.expect("dump readable") {
            Item::Record(record) => record,
            malformed => panic!("the corpus dump has no malformed records: {malformed:?}"),
        };
        records += 1;
        assert_eq!(record.number, records, "running numbers are in order");
        let doc = record.into_document(None);
        let from_dump = parse(&doc);
        let id = from_dump.id.clone().expect("a dump record has an id");
        let m = meta.get(&id).unwrap_or_else(|| panic!("{id} not in metadata.jsonl"));
        assert_eq!(from_dump.classification.as_deref(), Some(m.classification.as_str()), "{id}");
        assert_eq!(from_dump.origin.as_deref(), Some(m.origin.as_str()), "{id}");
        assert_eq!(from_dump.created.as_deref().map(|c| c.replace('T', " ")), Some(m.created.clone()), "{id}");

        // The same cable from text/ (header + blank line + body) with the
        // same publisher fields must give the same record, but for source.
        let text = std::fs::read(dir.join("text").join(format!("{id}.txt"))).expect("text file for each record");
        let text = decode::decode(text, &mut Vec::new()).expect("text decodes");
        let mut from_text_doc: Document = to_document(text, Format::Text).expect("text document");
        from_text_doc.publisher = doc.publisher.clone();
        let mut from_text = parse(&from_text_doc);
        from_text.source = from_dump.source.clone();
        if from_text != from_dump {
            let a = serde_json::to_value(&from_dump).unwrap();
            let b = serde_json::to_value(&from_text).unwrap();
            let keys: Vec<&String> = a.as_object().unwrap().keys().filter(|k| a[k.as_str()] != b[k.as_str()]).collect();
            mismatches.push(format!("{id}: {keys:?}"));
        }
    }
    assert_eq!(records as usize, meta.len(), "one record per cable");
    assert!(mismatches.is_empty(), "dump and text/ differ:\n{}", mismatches.join("\n"));
}

#[test]
fn the_binary_reads_the_corpus_dump_in_order() {
    let Some(dir) = corpus_dir("the_binary_reads_the_corpus_dump_in_order") else {
        return;
    };
    let out = cable().arg("--json").arg(dir.join("cables.csv")).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let cables = json_lines(&out.stdout);
    assert_eq!(cables.len(), metadata(&dir).len());
    for (n, c) in cables.iter().enumerate() {
        assert_eq!(c["source"]["record"], n as u64 + 1);
        assert_eq!(c["source"]["format"], "csv");
    }
    // Offsets point at the records.
    let bytes = std::fs::read(dir.join("cables.csv")).unwrap();
    for c in cables.iter().take(50) {
        let offset = c["source"]["offset"].as_u64().unwrap() as usize;
        let expect = format!("\"{}\",", c["source"]["record"]);
        assert!(bytes[offset..].starts_with(expect.as_bytes()), "offset of record {}", c["source"]["record"]);
    }
}

const RECORD: &str = "\"1\",\"4/7/2008 23:54\",\"08USUNNEWYORK314\",\"USUN New York\",\"CONFIDENTIAL\",\"\",\
    \"O 072354Z APR 08\nFM USMISSION USUN NEW YORK\",\"C O N F I D E N T I A L USUN NEW YORK 000314\n\n\
    SUBJECT: RUSSIA\\'S \\\"PROPOSALS\\\"\n\n1. (C) Text.\n\nKhalilzad\"\n";

fn dump_with(extra: &str) -> tempfile::NamedTempFile {
    let mut f = tempfile::Builder::new().suffix(".csv").tempfile().unwrap();
    write!(f, "{RECORD}{extra}").unwrap();
    f
}

#[test]
fn reads_a_dump_record_with_escapes() {
    let f = dump_with("");
    let out = cable().arg("--json").arg(f.path()).output().unwrap();
    assert!(out.status.success());
    let c = &json_lines(&out.stdout)[0];
    assert_eq!(c["id"], "08USUNNEWYORK314");
    assert_eq!(c["subject"], "RUSSIA'S \"PROPOSALS\"");
    assert_eq!(c["created"], "2008-04-07T23:54");
    assert_eq!(c["date"], "2008-04-07T23:54:00Z");
    assert_eq!(c["signers"][0], "Khalilzad");
}

#[test]
fn malformed_records_are_reported_and_skipped() {
    let good2 = RECORD.replacen("\"1\"", "\"4\"", 1);
    for (bad, reason) in [
        ("\"2\",\"x\",\"too few\"\n", "record 2 at byte"),
        ("\"2\",\"1/1/2000 1:00\",\"a\",\"b\",\"c\",\"\",\"h\",\"stray \" quote\"\n", "text after the closing quote"),
    ] {
        let f = dump_with(&format!("{bad}{good2}"));
        let out = cable().arg("--json").arg(f.path()).output().unwrap();
        assert_eq!(out.status.code(), Some(1));
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(stderr.starts_with(&format!("cable: {}: record 2 at byte", f.path().display())), "{stderr}");
        assert!(stderr.contains(reason), "{stderr}");
        let cables = json_lines(&out.stdout);
        let records: Vec<_> = cables.iter().map(|c| c["source"]["record"].as_u64().unwrap()).collect();
        assert_eq!(records, [1, 4], "the records around the bad one are read");
    }
    for (tail, reason) in
        [("\"2\",\"1/1/2000 1:00\",\"never closed", "unterminated quote"), ("\"2\",\"a\\", "escape at end")]
    {
        let f = dump_with(tail);
        let out = cable().arg("--json").arg(f.path()).output().unwrap();
        assert_eq!(out.status.code(), Some(1));
        assert!(String::from_utf8_lossy(&out.stderr).contains(reason));
        assert_eq!(json_lines(&out.stdout).len(), 1);
    }
}

#[test]
fn a_dump_on_stdin_and_forced_csv() {
    let out = cable().arg("--json").write_stdin(RECORD).output().unwrap();
    let c = &json_lines(&out.stdout)[0];
    assert_eq!(c["source"]["format"], "csv");
    assert!(c["source"]["path"].is_null());
    let f = dump_with("");
    let out = cable().args(["--json", "--input-format", "text"]).arg(f.path()).output().unwrap();
    assert_eq!(json_lines(&out.stdout)[0]["source"]["format"], "text", "forcing text reads the dump as one text");
}

#[test]
fn folders_are_walked_in_order_and_skip_what_is_not_a_cable() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("b")).unwrap();
    std::fs::copy("examples/09VALLETTA412.txt", root.join("b/valletta.txt")).unwrap();
    std::fs::copy("examples/10MONTEVIDEO55.html", root.join("a-montevideo.html")).unwrap();
    std::fs::write(root.join("picture.png"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0").unwrap();
    std::fs::write(root.join("notes.txt"), "Remember to read the Paris cables.\n").unwrap();
    std::fs::write(root.join("empty.txt"), "").unwrap();

    let out = cable().arg("--json").arg(root).output().unwrap();
    assert!(out.status.success(), "skipped files are not errors");
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
    let ids: Vec<_> = json_lines(&out.stdout).iter().map(|c| c["id"].as_str().unwrap().to_string()).collect();
    assert_eq!(ids, ["10MONTEVIDEO55", "09VALLETTA412"], "sorted by path");

    let out = cable().args(["--json", "--verbose"]).arg(root).output().unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("picture.png: skipped: not a cable: binary data (PNG image)"), "{stderr}");
    assert!(stderr.contains("notes.txt: skipped: no part of a cable found"), "{stderr}");
    assert!(stderr.contains("empty.txt: skipped: empty input"), "{stderr}");
    assert!(stderr.ends_with("cable: 2 cables, 0 failed, 3 skipped\n"), "{stderr}");

    // Named on the command line, the same files are errors.
    let out = cable().arg("--json").arg(root.join("picture.png")).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_is_reported_not_followed() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir(root.join("sub")).unwrap();
    std::fs::copy("examples/09VALLETTA412.txt", root.join("sub/cable.txt")).unwrap();
    std::os::unix::fs::symlink(root, root.join("sub/loop")).unwrap();
    let out = cable().arg("--json").arg(root).timeout(std::time::Duration::from_secs(20)).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("symbolic link loop"), "{stderr}");
    assert_eq!(json_lines(&out.stdout).len(), 1);
}

#[test]
fn the_text_report_separates_cables_and_names_each_source() {
    let out = cable()
        .args(["--color", "never", "examples/09VALLETTA412.txt", "examples/10MONTEVIDEO55.html"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.matches(&"=".repeat(80)).count(), 1, "one separator between two cables");
    assert!(text.contains("Source         examples/09VALLETTA412.txt (text)"));
    assert!(text.contains("Source         examples/10MONTEVIDEO55.html (html)"));
    let f = dump_with("");
    let out = cable().args(["--color", "never"]).arg(f.path()).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains(", record 1 at byte 0"), "{text}");
}
