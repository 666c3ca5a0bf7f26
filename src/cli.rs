//! The command line, defined once here (clap derive). `app` turns it into
//! plain options; nothing else sees clap types.
//!
//! `cable FILE...` means `cable show FILE...`: the report of each cable.
//! The other subcommands print one part of each cable, line by line for
//! scripts, or as JSON Lines, CSV or TSV.

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::model::Format;

/// Read US diplomatic cables (Cablegate format) and print what is in them:
/// summary, tags, references, paragraphs and every header field, as a
/// readable report, JSON Lines or a CSV/TSV table.
#[derive(Debug, Parser)]
#[command(name = "cable", version, about, after_help = examples::SHOW, args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Options of `cable show`, the default subcommand.
    #[command(flatten)]
    pub show: CommonArgs,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// The readable report of each cable (the default): every header field,
    /// references, summary and paragraphs.
    #[command(after_help = examples::SHOW)]
    Show(CommonArgs),
    /// The summary of each cable.
    #[command(after_help = examples::SUMMARY)]
    Summary(CommonArgs),
    /// The TAGS of each cable, one per line.
    #[command(after_help = examples::TAGS)]
    Tags(CommonArgs),
    /// The references (REF) of each cable: label, text and cited cable id.
    #[command(after_help = examples::REFS)]
    Refs(CommonArgs),
    /// The paragraphs of each cable, one per line.
    #[command(after_help = examples::PARAGRAPHS)]
    Paragraphs(ParagraphArgs),
    /// Id, date, classification, origin and subject of each cable.
    #[command(after_help = examples::META)]
    Meta(CommonArgs),
    /// Print a shell completion script.
    #[command(after_help = examples::COMPLETIONS)]
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff).
    #[command(after_help = examples::MAN)]
    Man,
}

/// `cable paragraphs` options.
#[derive(Debug, Args)]
pub struct ParagraphArgs {
    /// Only the paragraph with this number.
    #[arg(long, short = 'n', value_name = "N")]
    pub number: Option<u32>,

    #[command(flatten)]
    pub common: CommonArgs,
}

/// Inputs, output form and filters, shared by every cable subcommand.
#[derive(Debug, Args, Default)]
pub struct CommonArgs {
    /// Cables to read: files (plain text, Markdown, a cable web page, or a
    /// whole `cables.csv` dump), folders (read recursively, in sorted order),
    /// `-` for stdin; no FILE reads stdin when it is not a terminal.
    #[arg(value_name = "FILE")]
    pub files: Vec<String>,

    /// Print JSON Lines: one object per cable (for parts: the part and the id).
    #[arg(long, help_heading = "Output")]
    pub json: bool,

    /// Indent the JSON (implies --json).
    #[arg(long, help_heading = "Output")]
    pub pretty: bool,

    /// Print a table with a header row instead: CSV or TSV.
    #[arg(long, value_enum, value_name = "TABLE", help_heading = "Output", conflicts_with_all = ["json", "pretty"])]
    pub format: Option<TableFormat>,

    /// Keep only these fields, in this order (comma-separated; dotted paths
    /// reach inside: source.path, classified_by.name, references.id). For
    /// --json and --format.
    #[arg(long, value_name = "FIELDS", value_delimiter = ',', help_heading = "Output")]
    pub fields: Vec<String>,

    /// When to colour the report: auto colours only a terminal, and never
    /// when NO_COLOR is set.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN", help_heading = "Output")]
    pub color: ColorChoice,

    /// Wrap the report at this many columns (default: terminal width, or 80).
    #[arg(long, value_name = "COLUMNS", help_heading = "Output")]
    pub width: Option<usize>,

    /// Only cables with this tag (repeat for cables with all of them).
    #[arg(long, value_name = "TAG", help_heading = "Filters")]
    pub tag: Vec<String>,

    /// Only cables at this level: SECRET matches SECRET and SECRET//NOFORN.
    #[arg(long, value_name = "LEVEL", help_heading = "Filters")]
    pub classification: Option<String>,

    /// Only cables dated on or after this day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = parse_day, help_heading = "Filters")]
    pub from: Option<String>,

    /// Only cables dated on or before this day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = parse_day, help_heading = "Filters")]
    pub to: Option<String>,

    /// Only cables whose origin contains this text (any case): "Embassy
    /// Paris", Paris, Consulate.
    #[arg(long, value_name = "TEXT", help_heading = "Filters")]
    pub origin: Option<String>,

    /// Only cables whose body (subject, summary, paragraphs) matches this
    /// regular expression; (?i) makes it ignore case.
    #[arg(long, value_name = "REGEX", value_parser = parse_regex, help_heading = "Filters")]
    pub grep: Option<regex::Regex>,

    /// Read inputs in this form instead of detecting it from the content.
    #[arg(long, value_enum, value_name = "FORM", help_heading = "Input")]
    pub input_format: Option<InputFormat>,

    /// Refuse single cables (a file, or a record of a dump) larger than
    /// this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = crate::input::DEFAULT_MAX_SIZE, help_heading = "Input")]
    pub max_size: u64,

    /// Worker threads (default: one per core).
    #[arg(short = 'j', long, value_name = "N", help_heading = "Input")]
    pub threads: Option<usize>,

    /// Say on stderr which files in folders were skipped as not cables, and
    /// count cables, matches, failures and skips at the end.
    #[arg(short, long)]
    pub verbose: bool,

    /// Never show the progress bar (it shows on long runs when stderr is a
    /// terminal).
    #[arg(long)]
    pub no_progress: bool,
}

/// `YYYY-MM-DD`.
fn parse_day(s: &str) -> Result<String, String> {
    let b = s.as_bytes();
    let shaped = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    let month: u32 = s.get(5..7).and_then(|m| m.parse().ok()).unwrap_or(0);
    let day: u32 = s.get(8..10).and_then(|d| d.parse().ok()).unwrap_or(0);
    if shaped && (1..=12).contains(&month) && (1..=31).contains(&day) {
        Ok(s.to_string())
    } else {
        Err(format!("'{s}' is not a date of the form YYYY-MM-DD"))
    }
}

fn parse_regex(s: &str) -> Result<regex::Regex, String> {
    regex::Regex::new(s).map_err(|e| e.to_string())
}

/// Input forms for `--input-format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputFormat {
    Text,
    Markdown,
    Html,
    /// A `cables.csv` dump.
    Csv,
}

impl From<InputFormat> for Format {
    fn from(f: InputFormat) -> Format {
        match f {
            InputFormat::Text => Format::Text,
            InputFormat::Markdown => Format::Markdown,
            InputFormat::Html => Format::Html,
            InputFormat::Csv => Format::Csv,
        }
    }
}

/// `--format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TableFormat {
    Csv,
    Tsv,
}

/// `--color`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}

/// The examples shown by `--help`. Each line starting with `  cable ` is run
/// by the test suite (tests/help.rs) from the project folder, so they stay
/// true; they read the cables in `examples/`.
pub mod examples {
    pub const SHOW: &str = "\
Examples:
  cable examples/08USUNNEWYORK314.md
      readable report of one cable (same as `cable show ...`)
  cable --json examples/09VALLETTA412.txt examples/10MONTEVIDEO55.html
      one JSON object per cable, one per line
  cable --json --fields id,date,subject,tags examples/
      only these fields, for every cable in a folder
  cable --format csv --fields id,date,classification,subject examples/
      a CSV table with a header row
  cable --tag PREL --classification confidential examples/
      only CONFIDENTIAL (and CONFIDENTIAL//NOFORN) cables tagged PREL
  cable --from 2009-01-01 --to 2009-12-31 --json examples/
      only cables dated in 2009";

    pub const SUMMARY: &str = "\
Examples:
  cable summary examples/08USUNNEWYORK314.md
      the summary text
  cable summary --grep '(?i)russia' examples/
      id and summary of every cable that mentions Russia";

    pub const TAGS: &str = "\
Examples:
  cable tags examples/08USUNNEWYORK314.md
      one tag per line
  cable tags examples/
      id<TAB>tag lines for every cable in a folder
  cable tags --json examples/09VALLETTA412.txt
      {\"id\": ..., \"tags\": [...]}";

    pub const REFS: &str = "\
Examples:
  cable refs examples/08USUNNEWYORK314.md
      label<TAB>text<TAB>cited id (- when not a cable)
  cable refs --format csv examples/
      a CSV table of every reference in a folder";

    pub const PARAGRAPHS: &str = "\
Examples:
  cable paragraphs examples/08USUNNEWYORK314.md
      one paragraph per line, with its number and marking
  cable paragraphs --number 3 examples/08USUNNEWYORK314.md
      only the text of paragraph 3";

    pub const META: &str = "\
Examples:
  cable meta examples/08USUNNEWYORK314.md
      id, date, classification, origin and subject, one per line
  cable meta --format tsv examples/
      the same as a table, one cable per row";

    pub const COMPLETIONS: &str = "\
Examples:
  cable completions bash
      print the bash completion script (see the README to install it)";

    pub const MAN: &str = "\
Examples:
  cable man
      print the manual page (man -l <(cable man) shows it)";
}
