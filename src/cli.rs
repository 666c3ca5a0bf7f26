//! The command line, defined once here (clap derive). The rest of the
//! program receives plain options, not clap types.

use clap::{Parser, ValueEnum};

use crate::model::Format;

/// Read US diplomatic cables (Cablegate format) and print what is in them:
/// summary, tags, references, paragraphs and every header field, as a
/// readable report or as JSON Lines.
#[derive(Debug, Parser)]
#[command(name = "cable", version, about, after_help = EXAMPLES)]
pub struct Cli {
    /// Cables to read: files (plain text, Markdown, a cable web page, or a
    /// whole `cables.csv` dump), folders (read recursively, in sorted order),
    /// `-` for stdin; no FILE reads stdin when it is not a terminal.
    #[arg(value_name = "FILE")]
    pub files: Vec<String>,

    /// Print one JSON object per cable, one per line (JSON Lines).
    #[arg(long)]
    pub json: bool,

    /// Indent the JSON (implies --json).
    #[arg(long)]
    pub pretty: bool,

    /// Read inputs in this form instead of detecting it from the content.
    #[arg(long, value_enum, value_name = "FORM")]
    pub input_format: Option<InputFormat>,

    /// When to colour the report: auto colours only a terminal, and never
    /// when NO_COLOR is set.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,

    /// Wrap the report at this many columns (default: terminal width, or 80).
    #[arg(long, value_name = "COLUMNS")]
    pub width: Option<usize>,

    /// Refuse single cables (a file, or a record of a dump) larger than
    /// this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = crate::input::DEFAULT_MAX_SIZE)]
    pub max_size: u64,

    /// Say on stderr which files in folders were skipped as not cables, and
    /// count cables, failures and skips at the end.
    #[arg(short, long)]
    pub verbose: bool,

    /// Never show the progress bar (it shows on long runs when stderr is a
    /// terminal).
    #[arg(long)]
    pub no_progress: bool,

    /// Worker threads (default: one per core).
    #[arg(short = 'j', long, value_name = "N")]
    pub threads: Option<usize>,
}

const EXAMPLES: &str = "\
Examples:
  cable examples/08USUNNEWYORK314.md          readable report of one cable
  cable --json examples/*.txt | jq -r .id      one JSON object per cable
  cable --json --pretty - < cable.txt          read stdin, indented JSON
  cable --json cables.csv > cables.jsonl       the whole dump, one line per cable
  cable --json ~/cables/ | jq -r .subject      every cable in a folder, recursively
  cable --input-format text notes.md           skip format detection";

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

/// `--color`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}
