//! Every example shown by `--help` (of `cable` and of each subcommand) is
//! run as written, so the help stays true.

mod common;

use std::path::Path;
use std::process::Command;

const SUBCOMMANDS: [&str; 9] = ["", "show", "summary", "tags", "refs", "paragraphs", "meta", "completions", "man"];

/// The example command lines in a help text: lines that start with `  cable `.
fn examples(help: &str) -> Vec<String> {
    help.lines().filter(|l| l.starts_with("  cable ")).map(|l| l.trim().to_string()).collect()
}

#[test]
fn every_help_example_runs() {
    let bin = assert_cmd::cargo::cargo_bin("cable");
    let bin_dir = bin.parent().expect("binary folder");
    let path = format!("{}:{}", bin_dir.display(), std::env::var("PATH").unwrap_or_default());
    let mut ran = 0;
    for sub in SUBCOMMANDS {
        let mut cmd = common::cable();
        if !sub.is_empty() {
            cmd.arg(sub);
        }
        let help = String::from_utf8(cmd.arg("--help").output().unwrap().stdout).unwrap();
        let lines = examples(&help);
        assert!(!lines.is_empty(), "`cable {sub} --help` shows no examples");
        for line in lines {
            let out = Command::new("sh")
                .args(["-c", &line])
                .env("PATH", &path)
                .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")))
                .output()
                .expect("sh runs");
            assert!(out.status.success(), "example `{line}` failed: {}", String::from_utf8_lossy(&out.stderr));
            assert!(!out.stdout.is_empty(), "example `{line}` printed nothing");
            assert!(
                out.stderr.is_empty(),
                "example `{line}` wrote to stderr: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            ran += 1;
        }
    }
    assert!(ran >= 15, "only {ran} examples");
}
