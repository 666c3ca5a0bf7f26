//! `docs/cable.schema.json` is the JSON contract: the examples' output must
//! match it, and it must reject what breaks the contract.

mod common;

use common::{cable, schema_errors, schema_validator};

fn json_of(path: &str) -> serde_json::Value {
    let out = cable().args(["--json", path]).output().expect("cable runs");
    assert!(out.status.success(), "cable --json {path} failed");
    serde_json::from_slice(&out.stdout).expect("one JSON object")
}

#[test]
fn examples_match_the_schema() {
    let validator = schema_validator();
    for path in ["examples/08USUNNEWYORK314.md", "examples/09VALLETTA412.txt", "examples/10MONTEVIDEO55.html"] {
        let errors = schema_errors(&validator, &json_of(path));
        assert!(errors.is_empty(), "{path}: {errors:?}");
    }
}

#[test]
fn the_schema_rejects_broken_records() {
    let validator = schema_validator();
    let good = json_of("examples/08USUNNEWYORK314.md");
    let mut missing = good.clone();
    missing.as_object_mut().unwrap().remove("summary");
    assert!(!schema_errors(&validator, &missing).is_empty(), "a missing key must fail");
    let mut extra = good.clone();
    extra["surprise"] = serde_json::json!(1);
    assert!(!schema_errors(&validator, &extra).is_empty(), "an unknown key must fail");
    let mut bad_id = good.clone();
    bad_id["id"] = serde_json::json!("usun 314");
    assert!(!schema_errors(&validator, &bad_id).is_empty(), "a malformed id must fail");
    let mut bad_class = good;
    bad_class["classification"] = serde_json::json!("SORT OF SECRET");
    assert!(!schema_errors(&validator, &bad_class).is_empty(), "an unknown classification must fail");
}
