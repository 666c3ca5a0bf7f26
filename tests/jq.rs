//! The README's `jq` one-liners, run through the real `jq` with the real
//! binary, and what they print. `.ci/run` installs jq; elsewhere the test
//! is skipped with a notice when jq is missing (and fails under CI).

mod common;

use std::io::Write;
use std::process::Command;

/// The one-liners, as they appear in README.md, and their output.
const ONE_LINERS: [(&str, &str); 4] = [
    (
        r#"cable --json examples/08USUNNEWYORK314.md | jq -r '.references[] | [.label, .id // "-", .text] | @tsv'"#,
        "A\t08USUNNEWYORK303\tUSUN 303\nB\t08STATE34975\tSTATE 34975\nC\t08STATE30934\tSTATE 30934\n\
         D\t-\tUSUN/IO EMAILS (WILCOX/JOHNSON)--03/25/08\nE\t08USUNNEWYORK257\tUSUN 257\nF\t08MOSCOW869\tMOSCOW 869\n\
         G\t08STATE34968\tSTATE 34968\nH\t08STATE8246\tSTATE 8246\n",
    ),
    (r#"cable --json examples/ | jq -r 'select(.classification | startswith("SECRET")) | .id'"#, "09VALLETTA412\n"),
    (r#"cable tags --json examples/ | jq -s 'map(.tags | length) | add'"#, "19\n"),
    (
        r#"cable --json examples/ | jq -r '[.id, .date[:10], .origin] | @tsv'"#,
        "08USUNNEWYORK314\t2008-04-07\tUSUN New York\n09VALLETTA412\t2009-10-14\tEmbassy Valletta\n\
         10MONTEVIDEO55\t2010-02-03\tEmbassy Montevideo\n",
    ),
];

#[test]
fn readme_jq_one_liners_print_what_they_should() {
    if Command::new("jq").arg("--version").output().is_err() {
        assert!(std::env::var_os("CABLE_CI").is_none(), "jq is missing under CI (.ci/run installs it)");
        let _ = writeln!(std::io::stderr(), "NOTICE: readme_jq_one_liners_print_what_they_should skipped: no jq");
        return;
    }
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let bin = assert_cmd::cargo::cargo_bin("cable");
    let path = format!("{}:{}", bin.parent().unwrap().display(), std::env::var("PATH").unwrap_or_default());
    for (line, want) in ONE_LINERS {
        assert!(readme.contains(line), "not in README.md any more: {line}");
        let out = Command::new("bash")
            .args(["-c", &format!("set -o pipefail; {line}")])
            .env("PATH", &path)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .unwrap();
        assert!(out.status.success(), "`{line}` failed: {}", String::from_utf8_lossy(&out.stderr));
        assert_eq!(String::from_utf8(out.stdout).unwrap(), want, "`{line}`");
    }
}
