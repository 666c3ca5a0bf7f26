//! What the input layer hands to the parser: the cable's text, where it came
//! from, and whatever the publisher said about it (a web page's table, a dump
//! record's fields).

use std::borrow::Cow;

use crate::model::Source;

/// One cable's text, ready to parse. The text is borrowed when it sits in a
/// larger buffer (a batch of dump records), owned otherwise.
#[derive(Debug, Clone, Default)]
pub struct Document<'a> {
    /// The routing header, when the input form keeps it apart (web page,
    /// dump record). `None` means `body` holds the whole cable.
    pub header: Option<Cow<'a, str>>,
    /// The body, or the whole cable when `header` is `None`.
    pub body: Cow<'a, str>,
    pub source: Source,
    pub publisher: Publisher,
    /// Problems met while reading the input (invalid UTF-8, NUL bytes...).
    pub warnings: Vec<String>,
}

/// Fields the publisher gives beside the text. They win over what the parser
/// derives from the text, since they are the release's own lookup keys.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Publisher {
    pub id: Option<String>,
    /// `YYYY-MM-DDTHH:MM`.
    pub created: Option<String>,
    pub classification: Option<String>,
    pub origin: Option<String>,
}

impl Document<'static> {
    /// A document whose text has no separate header.
    pub fn from_text(text: String, source: Source) -> Self {
        Document { body: Cow::Owned(text), source, ..Default::default() }
    }
}
