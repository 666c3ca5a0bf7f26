//! Helpers shared by the integration tests: where the corpus is, the
//! publisher's metadata, and running the binary.
#![allow(dead_code)]

use std::collections::HashMap;
use std::io::Write;
use std::path::PathBuf;

use serde::Deserialize;

/// The corpus folder: `$CABLE_CORPUS`, else `../shared/corpus` beside the
/// project. `None` (after a notice on the terminal) when it is absent and
/// not required; a panic when `CABLE_CORPUS` names a folder that is missing.
pub fn corpus_dir(test: &str) -> Option<PathBuf> {
    match std::env::var_os("CABLE_CORPUS") {
        Some(dir) => {
            let dir = PathBuf::from(dir);
            assert!(
                dir.join("metadata.jsonl").is_file(),
                "CABLE_CORPUS={} has no metadata.jsonl: the corpus tests cannot run",
                dir.display()
            );
            Some(dir)
        }
        None => {
            let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
            if dir.join("metadata.jsonl").is_file() {
                return Some(dir);
            }
            // Written past the test harness's capture so the skip is seen.
            let _ = writeln!(
                std::io::stderr(),
                "NOTICE: {test} skipped: no corpus at {} (set CABLE_CORPUS to run it)",
                dir.display()
            );
            None
        }
    }
}

/// One line of `metadata.jsonl`.
#[derive(Debug, Clone, Deserialize)]
pub struct Meta {
    pub id: String,
    pub created: String,
    pub classification: String,
    pub origin: String,
    pub subject: String,
    pub tags: Vec<String>,
}

pub fn metadata(dir: &std::path::Path) -> HashMap<String, Meta> {
    let text = std::fs::read_to_string(dir.join("metadata.jsonl")).expect("metadata.jsonl readable");
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let m: Meta = serde_json::from_str(l).expect("metadata line is JSON");
            (m.id.clone(), m)
        })
        .collect()
}

/// Files of a corpus sub-folder, sorted, with their IDs (file stems).
pub fn corpus_files(dir: &std::path::Path, sub: &str) -> Vec<(String, PathBuf)> {
    let mut files: Vec<(String, PathBuf)> = std::fs::read_dir(dir.join(sub))
        .unwrap_or_else(|e| panic!("corpus folder {sub}: {e}"))
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.is_file())
        .map(|p| (p.file_stem().unwrap().to_string_lossy().into_owned(), p))
        .collect();
    files.sort();
    files
}

/// The `cable` binary under test.
pub fn cable() -> assert_cmd::Command {
    assert_cmd::Command::cargo_bin("cable").expect("cable binary built")
}

/// The JSON Schema of the `Cable` record (`docs/cable.schema.json`).
pub fn schema_validator() -> jsonschema::Validator {
    let text = std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("docs/cable.schema.json"))
        .expect("docs/cable.schema.json readable");
    let schema: serde_json::Value = serde_json::from_str(&text).expect("schema is JSON");
    jsonschema::validator_for(&schema).expect("schema is a valid JSON Schema")
}

/// Validation errors of one JSON value, as text (empty when valid).
pub fn schema_errors(validator: &jsonschema::Validator, value: &serde_json::Value) -> Vec<String> {
    validator.iter_errors(value).map(|e| format!("{} at {}", e, e.instance_path())).collect()
}
