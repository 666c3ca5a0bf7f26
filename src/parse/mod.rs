//! From cable text to a `Cable`. One module per part of the cable; this one
//! runs them in the order that works (see `cable-format.md`, section 6):
//! split header and body, clean page breaks, read the header, the front
//! matter, the signature, the paragraphs, then derive id, origin and
//! classification.
//!
//! The parser never fails: what it cannot read becomes `null` plus a line in
//! `warnings`.

pub mod address;
pub mod classification;
pub mod classified_by;
pub mod declassification;
pub mod dtg;
pub mod lines;
pub mod office;
pub mod origin;
pub mod paragraphs;
pub mod preamble;
pub mod references;
pub mod routing;
pub mod signature;
pub mod split;
pub mod summary;
pub mod tags;

use std::borrow::Cow;

use crate::document::Document;
use crate::model::{Cable, Paragraph};
use classification::{Level, banner};
use lines::{ends_sentence, is_blank, is_page_break_line, split_lines, strip_page_markers};

/// Parses one cable.
pub fn parse(doc: &Document) -> Cable {
    let mut cable = Cable {
        source: doc.source.clone(),
        warnings: doc.warnings.clone(),
        ..Default::default()
    };
    let all;
    let (header_lines, body_lines): (Vec<&str>, &[&str]) = match &doc.header {
        Some(header) => {
            all = split_lines(&doc.body);
            (split_lines(header), &all)
        }
        None => {
            all = split_lines(&doc.body);
            let start = split::body_start(&all);
            (all[..start].to_vec(), &all[start..])
        }
    };

    let header = routing::parse_header(&header_lines);
    cable.routing = header.routing;
    cable.from = header.from;
    cable.to = header.to;
    cable.info = header.info;
    if let Some(d) = &header.dtg {
        cable.dtg = Some(d.raw.clone());
        cable.date = Some(d.iso());
    }

    let cleaned = remove_page_breaks(body_lines);
    let body: Vec<&str> = cleaned.iter().map(|l| l.as_ref()).collect();
    let pre = preamble::preamble(&body);

    let year = header
        .dtg
        .as_ref()
        .map(|d| d.year)
        .or(pre.date_line.map(|(y, _, _)| y));
    read_front_matter(&mut cable, &pre, year);
    read_body(&mut cable, &pre, &body[pre.body_start..]);
    derive_id(&mut cable, &pre, year);
    cable.origin = cable.from.as_deref().and_then(origin::origin_from_fm);
    apply_publisher(&mut cable, doc);
    // A cable never cites itself; a match is its own page-break or header.
    if let Some(id) = &cable.id {
        cable.references.retain(|r| r.id.as_ref() != Some(id));
    }
    note_missing(&mut cable, &pre);
    cable
}

/// Removes page-break lines (and the blank lines around them) and inline
/// page markers. Where a break fell between paragraphs one blank line is
/// kept; where it split a sentence the halves are rejoined.
fn remove_page_breaks<'a>(lines: &[&'a str]) -> Vec<Cow<'a, str>> {
    let mut out: Vec<Cow<'a, str>> = Vec::with_capacity(lines.len());
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        if !is_page_break_line(line) {
            out.push(strip_page_markers(line));
            i += 1;
            continue;
        }
        // Old page headers come after repeated bare classification words.
        while out.last().is_some_and(|l| {
            is_blank(l)
                || classification::class_line(l)
                    .is_some_and(|c| c.office.is_none() && c.section.is_none())
        }) {
            out.pop();
        }
        i += 1;
        while i < lines.len() && is_blank(lines[i]) {
            i += 1;
        }
        let before_ends = out.last().is_none_or(|l| ends_sentence(l));
        let after_starts = lines
            .get(i)
            .is_some_and(|l| !l.trim_start().starts_with(char::is_lowercase));
        if before_ends && after_starts && !out.is_empty() {
            out.push(Cow::Borrowed(""));
        }
    }
    out
}

fn read_front_matter(cable: &mut Cable, pre: &preamble::Preamble, year: Option<u16>) {
    let mut noforn = false;
    let mut sensitive = false;
    if let Some(c) = &pre.class_line {
        cable.office = c.office.clone();
        cable.serial = c.serial.clone();
        cable.section = c.section;
        for caption in &c.captions {
            push_unique(&mut cable.captions, caption);
        }
    }
    for caption in &pre.captions {
        push_unique(&mut cable.captions, caption);
    }
    for caption in &cable.captions {
        noforn |= caption == "NOFORN";
        sensitive |= caption.starts_with("SENSITIVE") || caption == "FOR OFFICIAL USE ONLY";
    }
    cable.classification = match &pre.class_line {
        Some(c) => Some(banner(c.level, noforn, sensitive)),
        None => security_fallback(cable, noforn, sensitive),
    };
    cable.distribution = pre.distribution.clone();
    cable.declassification = pre
        .eo
        .as_deref()
        .and_then(declassification::declassification);
    cable.tags = pre
        .tags
        .as_deref()
        .map(tags::split_tags)
        .unwrap_or_default();
    cable.subject = pre
        .subject
        .as_deref()
        .map(lines::collapse_whitespace)
        .filter(|s| !s.is_empty());
    cable.references = pre
        .refs
        .as_deref()
        .map(|r| references::references(r, year))
        .unwrap_or_default();
    cable.classified_by = pre
        .classified_by
        .as_deref()
        .filter(|t| !t.trim().is_empty())
        .map(classified_by::classified_by);
}

/// Without a classification line, the ZNY marking gives the level; it is
/// wrong on a few cables, so say where it came from.
fn security_fallback(cable: &mut Cable, noforn: bool, sensitive: bool) -> Option<String> {
    let level = match cable.routing.as_ref()?.security.as_deref()? {
        "UNCLASSIFIED" => Level::Unclassified,
        "CONFIDENTIAL" => Level::Confidential,
        "SECRET" => Level::Secret,
        "TOP SECRET" => Level::TopSecret,
        _ => return None,
    };
    cable
        .warnings
        .push("no classification line: classification taken from the ZNY marking".to_string());
    Some(banner(level, noforn, sensitive))
}

fn push_unique(list: &mut Vec<String>, item: &str) {
    if !list.iter().any(|c| c == item) {
        list.push(item.to_string());
    }
}

/// Signature, paragraphs and summary from the lines after the front matter.
fn read_body(cable: &mut Cable, pre: &preamble::Preamble, rest: &[&str]) {
    let mut body: Vec<&str> = Vec::with_capacity(rest.len() + 1);
    if let Some(glued) = &pre.glued_paragraph {
        body.push(glued);
    }
    for line in rest {
        // SIPDIS lands inside running text in some copies.
        let t = line.trim_start();
        if t == "SIPDIS" {
            continue;
        }
        body.push(t.strip_prefix("SIPDIS ").unwrap_or(line));
    }
    let sig = signature::signature(&body);
    cable.signers = sig.signers;
    let mut kept: Vec<&str> = body[..sig.body_end].to_vec();
    if let (Some(last), Some(text)) = (kept.last_mut(), sig.last_line.as_deref()) {
        *last = text;
    }
    let mut paragraphs: Vec<Paragraph> = pre
        .preface
        .iter()
        .map(|text| Paragraph {
            number: None,
            marking: None,
            text: text.clone(),
        })
        .collect();
    paragraphs.extend(paragraphs::paragraphs(&kept));
    cable.summary = summary::summary(&paragraphs);
    cable.paragraphs = paragraphs;
}

/// The reference ID: year of the DTG + office + serial of the
/// classification line (the FM line's office when the classification line
/// has none, e.g. a redacted office).
fn derive_id(cable: &mut Cable, pre: &preamble::Preamble, year: Option<u16>) {
    let office = cable
        .office
        .as_deref()
        .and_then(office::canonical_office)
        .or_else(|| cable.from.as_deref().and_then(office::office_from_fm));
    let (Some(office), Some(serial)) = (office, cable.serial.clone()) else {
        cable
            .warnings
            .push("no office and serial on the classification line: id unknown".to_string());
        return;
    };
    if let Some(year) = year {
        if header_year_only_from_date_line(cable, pre) {
            cable
                .warnings
                .push("no date-time group: id year taken from the date line".to_string());
        }
        cable.id = office::reference_id(year, &office, &serial);
        return;
    }
    match file_name_year(cable.source.path.as_deref()) {
        Some(year) => {
            cable.id = office::reference_id(year, &office, &serial);
            cable
                .warnings
                .push("no date-time group: id year taken from the file name".to_string());
        }
        None => cable
            .warnings
            .push("no date-time group and no year in the text: id unknown".to_string()),
    }
}

fn header_year_only_from_date_line(cable: &Cable, pre: &preamble::Preamble) -> bool {
    cable.dtg.is_none() && pre.date_line.is_some()
}

/// The year of a file named after a reference ID: `08USUNNEWYORK314.txt`.
fn file_name_year(path: Option<&str>) -> Option<u16> {
    let name = std::path::Path::new(path?).file_stem()?.to_str()?;
    let b = name.as_bytes();
    let shaped = b.len() > 3
        && b[..2].iter().all(u8::is_ascii_digit)
        && b[2].is_ascii_uppercase()
        && b.last().is_some_and(u8::is_ascii_digit)
        && b.iter()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
    shaped.then(|| dtg::full_year(name[..2].parse().unwrap_or(0)))
}

/// Fields from a web page's table or a dump record win over the text; a
/// disagreement is noted.
fn apply_publisher(cable: &mut Cable, doc: &Document) {
    let p = &doc.publisher;
    if let Some(id) = &p.id {
        if cable.id.as_ref().is_some_and(|own| own != id) {
            let own = cable.id.as_deref().unwrap_or_default();
            cable
                .warnings
                .push(format!("the text gives id {own}, the publisher {id}"));
        }
        cable.id = Some(id.clone());
        cable
            .warnings
            .retain(|w| !w.contains("id unknown") && !w.contains("id year"));
    }
    if let Some(c) = &p.classification {
        cable.classification = Some(c.clone());
        cable
            .warnings
            .retain(|w| !w.starts_with("no classification line"));
    }
    if p.origin.is_some() {
        cable.origin = p.origin.clone();
    }
    cable.created = p.created.clone();
}

fn note_missing(cable: &mut Cable, pre: &preamble::Preamble) {
    let mut missing = Vec::new();
    if pre.class_line.is_none() && cable.classification.is_none() {
        missing.push("classification line");
    }
    if cable.dtg.is_none() {
        missing.push("date-time group");
    }
    if pre.tags.is_none() {
        missing.push("TAGS line");
    }
    if cable.subject.is_none() {
        missing.push("SUBJECT line");
    }
    if cable.paragraphs.is_empty() {
        missing.push("body text");
    }
    for part in missing {
        cable.warnings.push(format!("no {part} found"));
    }
}
