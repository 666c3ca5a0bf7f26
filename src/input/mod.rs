//! Finding and reading inputs: a file or stdin becomes cable text plus where
//! it came from. The form (plain text, Markdown, web page) is detected from
//! the content, not the file name.

pub mod decode;
pub mod html;
pub mod markdown;

use std::fs::File;
use std::io::Read;
use std::path::PathBuf;

use anyhow::{Context, Result, bail};

use crate::document::Document;
use crate::model::{Format, Source};

/// One input named on the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Stdin,
    Path(PathBuf),
}

impl Input {
    /// `-` is stdin.
    pub fn from_arg(arg: &str) -> Self {
        if arg == "-" { Input::Stdin } else { Input::Path(PathBuf::from(arg)) }
    }

    /// How errors and reports name this input.
    pub fn display_name(&self) -> String {
        match self {
            Input::Stdin => "<stdin>".to_string(),
            Input::Path(p) => p.display().to_string(),
        }
    }

    fn source_path(&self) -> Option<String> {
        match self {
            Input::Stdin => None,
            Input::Path(p) => Some(p.display().to_string()),
        }
    }
}

/// How inputs are read.
#[derive(Debug, Clone, Copy)]
pub struct ReadOptions {
    /// Force a form instead of detecting it.
    pub format: Option<Format>,
    /// Largest input read, in bytes; larger ones are refused, not truncated.
    pub max_size: u64,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions { format: None, max_size: DEFAULT_MAX_SIZE }
    }
}

/// Default for `--max-size`: far above any real cable (the largest is under
/// 100 KB), low enough that a stray disk image is refused quickly.
pub const DEFAULT_MAX_SIZE: u64 = 256 * 1024 * 1024;

/// Reads all bytes of an input, refusing directories and inputs above the
/// size limit.
fn read_bytes(input: &Input, max_size: u64) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    match input {
        Input::Stdin => {
            std::io::stdin().lock().take(max_size + 1).read_to_end(&mut bytes).context("cannot read")?;
        }
        Input::Path(path) => {
            let meta = std::fs::metadata(path).map_err(describe_io)?;
            if meta.is_dir() {
                bail!("is a directory");
            }
            if meta.is_file() && meta.len() > max_size {
                bail!("too large: {} bytes, more than --max-size {max_size}", meta.len());
            }
            File::open(path).map_err(describe_io)?.take(max_size + 1).read_to_end(&mut bytes).map_err(describe_io)?;
        }
    }
    if bytes.len() as u64 > max_size {
        bail!("too large: more than --max-size {max_size} bytes");
    }
    Ok(bytes)
}

/// I/O errors in plain words ("no such file", not "os error 2").
fn describe_io(e: std::io::Error) -> anyhow::Error {
    use std::io::ErrorKind::*;
    match e.kind() {
        NotFound => anyhow::anyhow!("no such file"),
        PermissionDenied => anyhow::anyhow!("permission denied"),
        IsADirectory => anyhow::anyhow!("is a directory"),
        _ => anyhow::Error::new(e),
    }
}

/// Detects the form of a text.
pub fn detect(text: &str) -> Format {
    if html::looks_like_html(text) {
        Format::Html
    } else if markdown::looks_like_markdown(text) {
        Format::Markdown
    } else {
        Format::Text
    }
}

/// Reads one input into a cable document.
pub fn read(input: &Input, opts: &ReadOptions) -> Result<Document> {
    let bytes = read_bytes(input, opts.max_size)?;
    let mut warnings = Vec::new();
    let text = decode::decode(bytes, &mut warnings)?;
    let format = opts.format.unwrap_or_else(|| detect(&text));
    let mut doc = to_document(text, format)?;
    doc.source.path = input.source_path();
    doc.warnings.splice(0..0, warnings);
    Ok(doc)
}

/// Turns text of a known form into a document.
pub fn to_document(text: String, format: Format) -> Result<Document> {
    let source = Source { format, ..Default::default() };
    Ok(match format {
        Format::Text => Document::from_text(text, source),
        Format::Csv => bail!("a cables.csv dump holds many cables and is read record by record"),
        Format::Markdown => Document::from_text(markdown::to_text(&text), source),
        Format::Html => {
            let Some(page) = html::read_page(&text) else {
                bail!("HTML page without <pre> blocks: not a cable page");
            };
            Document { header: page.header, body: page.body, source, publisher: page.publisher, warnings: Vec::new() }
        }
    })
}
