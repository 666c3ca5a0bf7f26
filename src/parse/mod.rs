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
pub mod record;
pub mod references;
pub mod routing;
pub mod signature;
pub mod split;
pub mod summary;
pub mod tags;

use std::borrow::Cow;

use crate::document::{Document, Publisher};
use crate::model::{Cable, Paragraph};
use classification::{Level, banner};
use lines::{ends_sentence, first_non_blank, is_blank, is_page_break_line, split_lines, strip_page_markers};

/// Parses one cable.
pub fn parse(doc: &Document) -> Cable {
    let mut cable = Cable { source: doc.source.clone(), warnings: doc.warnings.clone(), ..Default::default() };
    let mut all = split_lines(&doc.body);
    // A file saved twice over: only the first copy is read.
    let mut second_cable = split::whole_repeat(&all).map(|cut| (cut, true));
    if let Some((cut, _)) = second_cable {
        all.truncate(cut);
    }
    let (mut header_lines, mut body_at): (Vec<&str>, usize) = match &doc.header {
        Some(header) => (split_lines(header), 0),
        None => {
            let start = split::body_start(&all);
            (all[..start].to_vec(), start)
        }
    };

    // Some copies open the body with the release's own record, then a copy
    // of the header.
    let mut embedded = Publisher::default();
    if let Some((record, used)) = record::embedded_record(&all[body_at..]) {
        embedded = record;
        let rest_at = body_at + used;
        let start = split::body_start(&all[rest_at..]);
        if header_lines.iter().all(|l| is_blank(l)) {
            header_lines = all[rest_at..rest_at + start].to_vec();
        }
        body_at = rest_at + start;
    }
    // Another cable after this one (files pasted together): its lines
    // would become paragraphs of this one, so they are left out.
    if second_cable.is_none()
        && let Some(cut) = split::next_cable(&doc.body, &all, body_at)
    {
        second_cable = Some((cut, split::repeats(&all[..cut], &all[cut..])));
        all.truncate(cut);
    }
    if let Some((cut, same)) = second_cable {
        let at =
            if doc.header.is_some() { format!("line {} of the body", cut + 1) } else { format!("line {}", cut + 1) };
        cable.warnings.push(if same {
            format!("the cable is repeated from {at}: the repeat was not read")
        } else {
            format!("a second cable starts at {at}: only the first cable of the input was read")
        });
    }
    let body_lines = &all[body_at..];

    let header = routing::parse_header(&header_lines);
    cable.routing = header.routing;
    cable.from = header.from;
    cable.to = header.to;
    cable.info = header.info;
    if let Some(d) = &header.dtg {
        cable.dtg = Some(d.raw.clone());
        cable.date = Some(d.iso());
    }

    let cleaned = remove_page_breaks(&doc.body, body_lines);
    let body: Vec<&str> = cleaned.iter().map(|l| l.as_ref()).collect();
    let body = preamble::split_glued_lines(&body);
    let pre = preamble::preamble(&body);

    let year = header.dtg.as_ref().map(|d| d.year).or(pre.date_line.map(|(y, _, _)| y));
    read_front_matter(&mut cable, &pre, year);
    read_body(&mut cable, &pre, &body[pre.body_start..]);
    derive_id(&mut cable, &pre, year);
    cable.origin = cable.from.as_deref().and_then(origin::origin_from_fm);
    let publisher = checked(&doc.publisher, &mut cable.warnings);
    let embedded = checked(&embedded, &mut cable.warnings);
    apply_publisher(&mut cable, &publisher, &embedded);
    // A cable never cites itself; a match is its own page-break or header.
    if let Some(id) = &cable.id {
        cable.references.retain(|r| r.id.as_ref() != Some(id));
    }
    note_missing(&mut cable, &pre);
    cable
}

/// Longest bare classification line (`C O N F I D E N T I A L // NOFORN`)
/// worth reading as one before an old page header.
const MAX_BARE_CLASS_LINE: usize = 80;

/// Removes page-break lines (and the blank lines around them) and inline
/// page markers. Where a break fell between paragraphs one blank line is
/// kept; where it split a sentence the halves are rejoined.
fn remove_page_breaks<'a>(text: &str, lines: &[&'a str]) -> Vec<Cow<'a, str>> {
    let mut out: Vec<Cow<'a, str>> = Vec::with_capacity(lines.len());
    // Every page marker has " OF " in it; only those lines are looked at.
    let candidates = lines::lines_with_of(text, lines);
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        if !candidates[i] || !is_page_break_line(line) {
            out.push(if candidates[i] { strip_page_markers(line) } else { Cow::Borrowed(line) });
            i += 1;
            continue;
        }
        // Old page headers come after repeated bare classification words.
        while out.last().is_some_and(|l| is_blank(l) || is_bare_level_word(l)) {
            out.pop();
        }
        i += 1;
        while i < lines.len() && is_blank(lines[i]) {
            i += 1;
        }
        let before_ends = out.last().is_none_or(|l| ends_sentence(l));
        let after_starts = lines.get(i).is_some_and(|l| !l.trim_start().starts_with(char::is_lowercase));
        if before_ends && after_starts && !out.is_empty() {
            out.push(Cow::Borrowed(""));
        }
    }
    out
}

/// `CONFIDENTIAL` alone on a line (old copies repeat it over page headers).
fn is_bare_level_word(line: &str) -> bool {
    let t = line.trim();
    t.len() <= MAX_BARE_CLASS_LINE
        && classification::class_line(t).is_some_and(|c| c.office.is_none() && c.section.is_none())
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
        sensitive |= caption.contains("SENSITIVE") || caption == "FOR OFFICIAL USE ONLY";
    }
    cable.classification = match &pre.class_line {
        Some(c) => Some(banner(c.level, noforn, sensitive)),
        None => security_fallback(cable, noforn, sensitive),
    };
    cable.distribution = pre.distribution.clone();
    cable.declassification = pre.eo.as_deref().and_then(declassification::declassification);
    cable.tags = pre.tags.as_deref().map(tags::split_tags).unwrap_or_default();
    cable.subject = pre.subject.as_deref().map(lines::collapse_whitespace).filter(|s| !s.is_empty());
    cable.references = pre.refs.as_deref().map(|r| references::references(r, year)).unwrap_or_default();
    cable.classified_by =
        pre.classified_by.as_deref().filter(|t| !t.trim().is_empty()).map(classified_by::classified_by);
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
    cable.warnings.push("no classification line: classification taken from the ZNY marking".to_string());
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
        if first_non_blank(line).is_some_and(|b| b != b'S' && b.is_ascii()) {
            body.push(line);
            continue;
        }
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
    let mut paragraphs: Vec<Paragraph> =
        pre.preface.iter().map(|text| Paragraph { number: None, marking: None, text: text.clone() }).collect();
    paragraphs.extend(paragraphs::paragraphs(&kept));
    cable.summary = summary::summary(&paragraphs);
    cable.paragraphs = paragraphs;
}

/// The reference ID: year of the DTG + office + serial of the
/// classification line. When the body has no classification line, or names
/// another cable than the routing header (the release mixed up some), the
/// header's FM office and DE serial give it, with a warning.
fn derive_id(cable: &mut Cable, pre: &preamble::Preamble, year: Option<u16>) {
    let Some(year) = year.or_else(|| file_name_year(cable.source.path.as_deref())) else {
        cable.warnings.push("no date-time group and no year in the text: id unknown".to_string());
        return;
    };
    if cable.dtg.is_none() {
        let from = if pre.date_line.is_some() { "the date line" } else { "the file name" };
        cable.warnings.push(format!("no date-time group: id year taken from {from}"));
    }
    let body_office = cable.office.as_deref().and_then(office::canonical_office);
    let body_serial = cable.serial.clone();
    let fm_office = cable.from.as_deref().and_then(office::office_from_fm);
    let de_serial = cable.routing.as_ref().and_then(|r| r.station_serial.clone());
    match (body_office, body_serial) {
        (Some(office), Some(serial)) => {
            let disagrees = fm_office.as_ref().is_some_and(|fm| *fm != office)
                && de_serial.as_ref().is_some_and(|de| !serial_ends_with(&serial, de));
            if disagrees {
                cable.warnings.push(format!(
                    "the classification line names {} {serial}, the routing header another cable",
                    cable.office.as_deref().unwrap_or_default()
                ));
                cable.id = header_id(cable, year, fm_office, de_serial);
            } else {
                cable.id = office::reference_id(year, &office, &serial);
            }
        }
        (None, Some(serial)) if fm_office.is_some() => {
            // A redacted office on the classification line.
            cable.id = office::reference_id(year, fm_office.as_deref().unwrap_or_default(), &serial);
        }
        _ => {
            cable.id = header_id(cable, year, fm_office, de_serial);
            if cable.id.is_none() {
                cable.warnings.push("no office and serial on the classification line: id unknown".to_string());
            }
        }
    }
}

/// Does a cable serial (`015113`) end in the DE line's four digits (`5113`)?
fn serial_ends_with(serial: &str, de: &str) -> bool {
    let tail = |s: &str| s.trim_start_matches('0').parse::<u64>().unwrap_or(0) % 10_000;
    tail(serial) == tail(de)
}

/// The id from the routing header: FM office + DE serial. The DE serial is
/// the cable serial modulo 10,000, exact for posts whose serials stay below
/// that; Washington's (STATE) run higher, so no id is made for them.
fn header_id(cable: &mut Cable, year: u16, fm_office: Option<String>, de_serial: Option<String>) -> Option<String> {
    let (office, serial) = (fm_office?, de_serial?);
    if office == "STATE" {
        return None;
    }
    let id = office::reference_id(year, &office, &serial)?;
    cable.warnings.push(format!("id {id} from the routing header (FM office and DE serial)"));
    Some(id)
}

/// The year of a file named after a reference ID: `08USUNNEWYORK314.txt`.
fn file_name_year(path: Option<&str>) -> Option<u16> {
    let name = std::path::Path::new(path?).file_stem()?.to_str()?;
    let b = name.as_bytes();
    let shaped = b.len() > 3
        && b[..2].iter().all(u8::is_ascii_digit)
        && b[2].is_ascii_uppercase()
        && b.last().is_some_and(u8::is_ascii_digit)
        && b.iter().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
    shaped.then(|| dtg::full_year(name[..2].parse().unwrap_or(0)))
}

/// `2008-04-07T23:54`.
fn is_created(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 16
        && b.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            10 => *c == b'T',
            13 => *c == b':',
            _ => c.is_ascii_digit(),
        })
}

/// The publisher's fields as the JSON contract has them. A value of another
/// form (a damaged page table, stray markup in a cell) is dropped with a
/// warning, and the text's own reading is used instead.
fn checked(publisher: &Publisher, warnings: &mut Vec<String>) -> Publisher {
    let mut p = publisher.clone();
    let mut keep_if = |slot: &mut Option<String>, what: &str, valid: fn(&str) -> bool| {
        if let Some(v) = slot.take_if(|v| !valid(v)) {
            let shown: String = v.chars().take(60).collect();
            let more = if shown.len() < v.len() { "..." } else { "" };
            warnings.push(format!("the release's {what} {shown:?}{more} is not of a known form: ignored"));
        }
    };
    keep_if(&mut p.id, "id", record::is_reference_id);
    keep_if(&mut p.created, "creation time", is_created);
    keep_if(&mut p.classification, "classification", |c| classification::BANNERS.contains(&c));
    p
}

/// Fields from a web page's table or a dump record win over the text; a
/// record embedded in the text comes next. A disagreement is noted.
fn apply_publisher(cable: &mut Cable, publisher: &Publisher, embedded: &Publisher) {
    let pick = |a: &Option<String>, b: &Option<String>| a.clone().or_else(|| b.clone());
    if let Some(id) = pick(&publisher.id, &embedded.id) {
        if let Some(own) = cable.id.as_ref().filter(|own| **own != id) {
            cable.warnings.push(format!("the text gives id {own}, the release {id}"));
        }
        cable.id = Some(id);
        cable.warnings.retain(|w| !w.contains("id unknown") && !w.contains("id from"));
    }
    if let Some(c) = pick(&publisher.classification, &embedded.classification) {
        cable.classification = Some(c);
        cable.warnings.retain(|w| !w.starts_with("no classification line"));
    }
    if let Some(o) = pick(&publisher.origin, &embedded.origin) {
        cable.origin = Some(o);
    }
    cable.created = pick(&publisher.created, &embedded.created);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quadratic_time_on_page_breaks_after_a_long_line() {
        // Each page break read the long line above it again as a possible
        // bare classification line: 18 s for 500 KB and 19,000 breaks.
        let long = format!("1. (C) {}.", "x".repeat(300_000));
        let mut lines = vec![long.as_str()];
        lines.extend(std::iter::repeat_n("ANKARA 00000691  002 OF 003", 15_000));
        let text = lines.join("\n");
        let lines = split_lines(&text);
        let started = std::time::Instant::now();
        let cleaned = remove_page_breaks(&text, &lines);
        assert!(started.elapsed() < std::time::Duration::from_secs(2), "took {:?}", started.elapsed());
        assert_eq!(cleaned, [Cow::Borrowed(long.as_str())], "every break removed, the text kept");
    }

    #[test]
    fn schema_broken_by_markup_in_a_page_table_cell() {
        // Found by the property tests: a byte-order mark inside `<a ...>` in
        // the classification cell left the tag as text, and the record's
        // classification broke the JSON contract.
        let doc = Document {
            body: "C O N F I D E N T I A L USUN NEW YORK 000314\n\nSUBJECT: X\n\n1. (C) Text.".into(),
            header: Some("O 072354Z APR 08\nFM USMISSION USUN NEW YORK".into()),
            publisher: Publisher {
                id: Some("ABC".to_string()),
                created: Some("abcd-efghiT12:34".to_string()),
                classification: Some("<\u{feff}a href='/x'>UNCLASSIFIED".to_string()),
                origin: Some("USUN New York".to_string()),
            },
            ..Default::default()
        };
        let cable = parse(&doc);
        assert_eq!(cable.id.as_deref(), Some("08USUNNEWYORK314"), "read from the text");
        assert_eq!(cable.classification.as_deref(), Some("CONFIDENTIAL"), "read from the text");
        assert_eq!(cable.created, None);
        assert_eq!(cable.origin.as_deref(), Some("USUN New York"), "free text is kept");
        let ignored: Vec<&String> =
            cable.warnings.iter().filter(|w| w.ends_with("is not of a known form: ignored")).collect();
        assert_eq!(ignored.len(), 3, "{:?}", cable.warnings);
        // Debug quoting shows the invisible character.
        assert_eq!(
            ignored[2],
            r#"the release's classification "<\u{feff}a href='/x'>UNCLASSIFIED" is not of a known form: ignored"#
        );
    }
}
