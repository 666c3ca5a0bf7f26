//! The `Cable` record: everything the tool extracts from one cable.
//!
//! These types are the JSON contract. Field names are written down once more
//! in `docs/cable.schema.json`, and the corpus tests check every output
//! against that schema. Every key is always present: a part the cable does
//! not have is `null` (or `[]`), never a guess.

use serde::Serialize;

/// One cable, as read from its text.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Cable {
    /// Reference ID such as `08USUNNEWYORK314`.
    pub id: Option<String>,
    /// Where the cable was read from.
    pub source: Source,
    /// The publisher's creation time (`2008-04-07T23:54`), from a web
    /// page's table or a dump record; `null` for bare text.
    pub created: Option<String>,
    /// The ACP-127 routing header; `null` when the cable has none.
    pub routing: Option<Routing>,
    /// The date-time group as written, e.g. `072354Z APR 08`.
    pub dtg: Option<String>,
    /// The DTG as ISO 8601 UTC, e.g. `2008-04-07T23:54:00Z`.
    pub date: Option<String>,
    /// The sending post in the publisher's words, e.g. `Embassy Abu Dhabi`.
    pub origin: Option<String>,
    /// The FM line, e.g. `USMISSION USUN NEW YORK`.
    pub from: Option<String>,
    /// Action addressees (TO block).
    pub to: Vec<Addressee>,
    /// Information addressees (INFO block).
    pub info: Vec<Addressee>,
    /// Banner form: `SECRET//NOFORN`, `UNCLASSIFIED//FOR OFFICIAL USE ONLY`, ...
    pub classification: Option<String>,
    /// Originating office from the classification line, e.g. `USUN NEW YORK`.
    pub office: Option<String>,
    /// Serial from the classification line as written, e.g. `000314`.
    pub serial: Option<String>,
    /// `SECTION 01 OF 03` on the classification line.
    pub section: Option<Section>,
    /// Handling captions in order: `SIPDIS`, `NOFORN`, `EXDIS`, ...
    pub captions: Vec<String>,
    /// Distribution lines such as `STATE FOR NEA/FO`.
    pub distribution: Vec<String>,
    /// The E.O. line.
    pub declassification: Option<Declassification>,
    /// TAGS, upper case, in order, without duplicates.
    pub tags: Vec<String>,
    /// SUBJECT, wrapped lines joined with single spaces.
    pub subject: Option<String>,
    /// REF items.
    pub references: Vec<Reference>,
    /// The `Classified By:` line.
    pub classified_by: Option<ClassifiedBy>,
    /// The summary without its markers, whitespace collapsed.
    pub summary: Option<String>,
    /// Body paragraphs, numbered or not, in order.
    pub paragraphs: Vec<Paragraph>,
    /// Signature name(s) at the end of the body.
    pub signers: Vec<String>,
    /// What could not be read, in words.
    pub warnings: Vec<String>,
}

/// Where a cable came from.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Source {
    /// File path as given (or found in a folder); `null` for stdin.
    pub path: Option<String>,
    /// The form the cable was read in.
    pub format: Format,
    /// Running number of the record in a `cables.csv` dump.
    pub record: Option<u64>,
    /// Byte offset of the record in a `cables.csv` dump.
    pub offset: Option<u64>,
}

/// The input forms the tool reads.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    #[default]
    Text,
    Markdown,
    Html,
    Csv,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Html => "html",
            Format::Csv => "csv",
        }
    }
}

/// The ACP-127 routing header (`VZCZC...`, `OO RUEH...`, `DE ...`, `ZNY ...`).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Routing {
    /// The start-of-message token, e.g. `VZCZCXYZ0000`.
    pub transmission_id: Option<String>,
    /// `FLASH`, `IMMEDIATE`, `PRIORITY` or `ROUTINE`.
    pub precedence: Option<String>,
    /// Relay and receiving stations of line 2, e.g. `["RUEHWEB"]`.
    pub routing_indicators: Vec<String>,
    /// Originating station from the DE line, e.g. `RUCNDT`.
    pub station: Option<String>,
    /// Station serial from the DE line as written, e.g. `0314`.
    pub station_serial: Option<String>,
    /// Julian day and time from the DE line, e.g. `0982354`.
    pub filing_time: Option<String>,
    /// Level of the ZNY/ZNR marking: `UNCLASSIFIED`, `CONFIDENTIAL`, `SECRET`.
    pub security: Option<String>,
}

/// One TO or INFO addressee: `RUEHC/SECSTATE WASHDC IMMEDIATE 4065`.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Addressee {
    pub route: Option<String>,
    pub name: String,
    pub precedence: Option<String>,
    pub serial: Option<String>,
}

/// `SECTION 01 OF 03`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Section {
    pub number: u32,
    pub of: u32,
}

/// The E.O. line: `E.O. 12958: DECL: 04/07/2018`.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Declassification {
    /// Executive order number, e.g. `12958`.
    pub order: Option<String>,
    /// What follows the order as written, e.g. `DECL: 04/07/2018` or `N/A`.
    pub instruction: Option<String>,
    /// Declassification date (ISO `YYYY-MM-DD`) when the line gives one.
    pub date: Option<String>,
}

/// One REF item: `A. USUN 303`.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Reference {
    /// Item letter (`A`) or `null` for an unlettered reference.
    pub label: Option<String>,
    /// The item as written.
    pub text: String,
    /// Reference ID of the cited cable; `null` for non-cable references.
    pub id: Option<String>,
}

/// `Classified By: ... for reasons 1.4(b) and (d).`
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ClassifiedBy {
    /// The whole line(s) after `Classified By:`.
    pub text: String,
    /// The classifying official, best effort.
    pub name: Option<String>,
    /// Reasons such as `1.4(b)`.
    pub reasons: Vec<String>,
}

/// A body paragraph: `1. (C) ...`, or an unnumbered heading or block.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Paragraph {
    pub number: Option<u32>,
    /// Portion marking without brackets, upper case: `C`, `S/NF`, `SBU`.
    pub marking: Option<String>,
    pub text: String,
}
