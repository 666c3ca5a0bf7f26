//! Finding and reading inputs: a file or stdin becomes cable text plus where
//! it came from. The form (plain text, Markdown, web page) is detected from
//! the content, not the file name.

pub mod csv;
pub mod decode;
pub mod html;
pub mod markdown;
pub mod walk;

use std::borrow::Cow;
use std::io::Read;
use std::path::PathBuf;

use anyhow::{Result, bail};

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

    pub fn source_path(&self) -> Option<String> {
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

/// Reads the rest of an input after the `head` already read, refusing more
/// than `max_size` bytes in all.
pub fn read_rest(mut reader: impl Read, mut head: Vec<u8>, max_size: u64) -> Result<Vec<u8>> {
    let room = (max_size + 1).saturating_sub(head.len() as u64);
    (&mut reader).take(room).read_to_end(&mut head).map_err(describe_io)?;
    if head.len() as u64 > max_size {
        bail!("too large: more than --max-size {max_size} bytes");
    }
    Ok(head)
}

/// Reads up to `n` bytes from the start of an input (fewer at its end).
pub fn read_head(reader: &mut impl Read, n: usize) -> std::io::Result<Vec<u8>> {
    let mut head = Vec::with_capacity(n);
    reader.take(n as u64).read_to_end(&mut head)?;
    Ok(head)
}

/// I/O errors in plain words ("no such file", not "os error 2").
pub fn describe_io(e: std::io::Error) -> anyhow::Error {
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

/// Decodes the bytes of one cable (any form but a dump) into a document.
pub fn document_from_bytes(bytes: Vec<u8>, path: Option<String>, format: Option<Format>) -> Result<Document<'static>> {
    let mut warnings = Vec::new();
    let text = decode::decode(bytes, &mut warnings)?;
    let format = format.unwrap_or_else(|| detect(&text));
    let mut doc = to_document(text, format)?;
    doc.source.path = path;
    doc.warnings.splice(0..0, warnings);
    Ok(doc)
}

/// Turns text of a known form into a document.
pub fn to_document(text: String, format: Format) -> Result<Document<'static>> {
    let source = Source { format, ..Default::default() };
    Ok(match format {
        Format::Text => Document::from_text(text, source),
        Format::Csv => bail!("a cables.csv dump holds many cables and is read record by record"),
        Format::Markdown => Document::from_text(markdown::to_text(&text), source),
        Format::Html => {
            let Some(page) = html::read_page(&text) else {
                bail!("HTML page without <pre> blocks: not a cable page");
            };
            Document {
                header: page.header.map(Cow::Owned),
                body: Cow::Owned(page.body),
                source,
                publisher: page.publisher,
                warnings: page.warnings,
            }
        }
    })
}
