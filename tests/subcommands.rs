//! The subcommands on the seed and example cables: plain, JSON and CSV
//! output pinned by snapshots, the one-cable/many-cables line forms,
//! --fields, filters, completions and the man page.

mod common;

use common::cable;

const SEED: &str = "examples/08USUNNEWYORK314.md";

fn stdout_of(args: &[&str]) -> String {
    let out = cable().args(args).output().expect("cable runs");
    assert!(out.status.success(), "cable {args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stderr.is_empty(), "cable {args:?} wrote to stderr: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// Snapshots of one subcommand on the seed in plain, JSON and CSV form.
macro_rules! snapshots {
    ($name:ident, $($sub:literal),+) => {
        #[test]
        fn $name() {
            let sub: &[&str] = &[$($sub),+];
            let with = |extra: &[&str]| -> Vec<String> {
                sub.iter().chain(extra).chain([&SEED]).map(|s| s.to_string()).collect()
            };
            let plain = stdout_of(&with(&["--color", "never"]).iter().map(String::as_str).collect::<Vec<_>>());
            insta::assert_snapshot!(concat!(stringify!($name), "_plain"), plain);
            let json = stdout_of(&with(&["--json"]).iter().map(String::as_str).collect::<Vec<_>>());
            insta::assert_snapshot!(concat!(stringify!($name), "_json"), json);
            let csv = stdout_of(&with(&["--format", "csv"]).iter().map(String::as_str).collect::<Vec<_>>());
            insta::assert_snapshot!(concat!(stringify!($name), "_csv"), csv);
        }
    };
}

snapshots!(show, "show");
snapshots!(summary, "summary");
snapshots!(tags, "tags");
snapshots!(refs, "refs");
snapshots!(paragraphs, "paragraphs");
snapshots!(paragraph_3, "paragraphs", "--number", "3");
snapshots!(meta, "meta");

#[test]
fn cable_file_means_cable_show_file() {
    assert_eq!(stdout_of(&["--color", "never", SEED]), stdout_of(&["show", "--color", "never", SEED]));
    assert_eq!(stdout_of(&["--json", SEED]), stdout_of(&["show", "--json", SEED]));
}

#[test]
fn one_item_per_line_for_one_cable_and_ids_for_many() {
    assert_eq!(stdout_of(&["tags", SEED]), "PREL\nAORC\nKPAQ\nPTER\nUNSC\nKNNP\n");
    let many = stdout_of(&["tags", SEED, "examples/10MONTEVIDEO55.html"]);
    assert!(many.starts_with("08USUNNEWYORK314\tPREL\n08USUNNEWYORK314\tAORC\n"), "{many}");
    assert!(many.ends_with("10MONTEVIDEO55\tENRG\n10MONTEVIDEO55\tPGOV\n10MONTEVIDEO55\tUY\n"), "{many}");
    // A folder counts as many.
    let folder = stdout_of(&["summary", "examples/"]);
    assert!(folder.lines().all(|l| l.split('\t').count() == 2), "{folder}");
    assert_eq!(stdout_of(&["paragraphs", "--number", "2", SEED]).lines().count(), 1);
}

#[test]
fn json_of_a_part_has_the_id() {
    let tags: serde_json::Value = serde_json::from_str(&stdout_of(&["tags", "--json", SEED])).unwrap();
    assert_eq!(
        tags,
        serde_json::json!({"id": "08USUNNEWYORK314", "tags": ["PREL", "AORC", "KPAQ", "PTER", "UNSC", "KNNP"]})
    );
    let p: serde_json::Value = serde_json::from_str(&stdout_of(&["paragraphs", "--json", "-n", "2", SEED])).unwrap();
    assert_eq!(p["paragraphs"].as_array().unwrap().len(), 1);
    assert_eq!(p["paragraphs"][0]["number"], 2);
}

#[test]
fn fields_pick_and_order() {
    let line = stdout_of(&["--json", "--fields", "subject,id,classified_by.name,references.id", SEED]);
    let v: serde_json::Value = serde_json::from_str(&line).unwrap();
    let keys: Vec<&String> = v.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["subject", "id", "classified_by.name", "references.id"]);
    assert_eq!(v["classified_by.name"], "Carolyn L. Willson");
    assert_eq!(v["references.id"].as_array().unwrap().len(), 7, "the e-mail reference has no id");
    let csv = stdout_of(&["--format", "csv", "--fields", "id,tags,references.id", SEED]);
    assert_eq!(
        csv,
        "id,tags,references.id\n08USUNNEWYORK314,PREL|AORC|KPAQ|PTER|UNSC|KNNP,\
         08USUNNEWYORK303|08STATE34975|08STATE30934|08USUNNEWYORK257|08MOSCOW869|08STATE34968|08STATE8246\n"
    );
}

#[test]
fn bad_fields_and_mixed_forms_are_usage_errors() {
    for args in [
        vec!["--json", "--fields", "nope", SEED],
        vec!["--format", "csv", "--fields", "source.nope", SEED],
        vec!["--fields", "id", SEED],
        vec!["tags", "--format", "csv", "--fields", "subject", SEED],
    ] {
        let out = cable().args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(String::from_utf8_lossy(&out.stderr).lines().count(), 1, "{args:?}");
        assert!(out.stdout.is_empty());
    }
    cable().args(["--json", "--format", "csv", SEED]).assert().code(2);
    cable().args(["--from", "2008-13-01", SEED]).assert().code(2);
    cable().args(["--grep", "(unclosed", SEED]).assert().code(2);
}

#[test]
fn csv_quotes_and_tsv_flattens() {
    let csv = stdout_of(&["meta", "--format", "csv", "examples/09VALLETTA412.txt"]);
    assert!(
        csv.contains(",\"MALTA: MINISTER ASKS FOR HELP WITH MIGRANT BOATS, OFFERS PORT ACCESS IN RETURN\"\n"),
        "{csv}"
    );
    let tsv = stdout_of(&["paragraphs", "--format", "tsv", "examples/09VALLETTA412.txt"]);
    for line in tsv.lines() {
        assert_eq!(line.split('\t').count(), 4, "{line}");
    }
    assert!(tsv.contains("issue with: -- the Swedish EU presidency;"), "bullets stay on the row: {tsv}");
}

#[test]
fn filters_select_cables() {
    let ids = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["meta", "--format", "tsv", "--fields", "id"];
        all.extend_from_slice(args);
        all.push("examples/");
        stdout_of(&all).lines().skip(1).map(str::to_string).collect()
    };
    assert_eq!(ids(&[]), ["08USUNNEWYORK314", "09VALLETTA412", "10MONTEVIDEO55"]);
    assert_eq!(ids(&["--tag", "prel"]), ["08USUNNEWYORK314", "09VALLETTA412"]);
    assert_eq!(ids(&["--tag", "PREL", "--tag", "SMIG"]), ["09VALLETTA412"]);
    assert_eq!(ids(&["--classification", "SECRET"]), ["09VALLETTA412"]);
    assert_eq!(ids(&["--classification", "unclassified"]), ["10MONTEVIDEO55"]);
    assert_eq!(ids(&["--from", "2009-01-01"]), ["09VALLETTA412", "10MONTEVIDEO55"]);
    assert_eq!(ids(&["--from", "2008-04-07", "--to", "2008-04-07"]), ["08USUNNEWYORK314"]);
    assert_eq!(ids(&["--origin", "embassy"]), ["09VALLETTA412", "10MONTEVIDEO55"]);
    assert_eq!(ids(&["--grep", "Feoktistov"]), ["08USUNNEWYORK314"]);
    assert!(ids(&["--grep", "no such words anywhere"]).is_empty());
}

#[test]
fn nothing_matched_is_success_with_a_count_under_verbose() {
    let out = cable().args(["tags", "--tag", "NOSUCHTAG", "examples/"]).output().unwrap();
    assert!(out.status.success());
    assert!(out.stdout.is_empty() && out.stderr.is_empty());
    let out = cable().args(["tags", "--verbose", "--tag", "NOSUCHTAG", "examples/"]).output().unwrap();
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "cable: 3 cables (0 matched the filters, 3 did not), 0 failed, 0 skipped\n"
    );
}

#[test]
fn completions_for_every_shell_and_a_man_page() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let script = stdout_of(&["completions", shell]);
        assert!(script.contains("paragraphs") && script.contains("classification"), "{shell}");
    }
    let man = stdout_of(&["man"]);
    assert!(man.starts_with(".ie \\n(.g .ds Aq"), "roff");
    assert!(man.contains(".TH cable 1") && man.contains("summary") && man.contains("\\-\\-json"));
    cable().args(["completions", "tcsh"]).assert().code(2);
}
