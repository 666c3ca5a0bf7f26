//! The routing header (ACP-127): `VZCZC...`, the precedence line, `DE`,
//! `ZNY`, the DTG, and the `FM`/`TO`/`INFO` addressees.

use nom::{
    IResult, Parser,
    bytes::complete::{tag, take_while_m_n, take_while1},
    character::complete::{char, space0, space1},
    combinator::opt,
};

use super::{address, dtg, split};
use crate::model::{Addressee, Routing};

/// Everything the header block says.
#[derive(Debug, Default)]
pub struct Header {
    pub routing: Option<Routing>,
    pub dtg: Option<dtg::Dtg>,
    pub from: Option<String>,
    pub to: Vec<Addressee>,
    pub info: Vec<Addressee>,
}

/// `DE RUCNDT #0314 0982354` or `DE RUEHAK #0691/01 1021244`:
/// (station, serial, filing time).
fn de_line(i: &str) -> IResult<&str, (&str, &str, Option<&str>)> {
    let (i, _) = (tag("DE"), space1).parse(i)?;
    let (i, station) = take_while1(|c: char| c.is_ascii_alphanumeric()).parse(i)?;
    let (i, _) = (space1, char('#')).parse(i)?;
    let (i, serial) = take_while1(|c: char| c.is_ascii_digit()).parse(i)?;
    let (i, _) = opt((char('/'), take_while1(|c: char| c.is_ascii_digit()))).parse(i)?;
    let (i, _) = space0(i)?;
    let (i, time) = opt(take_while_m_n(7, 7, |c: char| c.is_ascii_digit())).parse(i)?;
    Ok((i, (station, serial, time)))
}

/// Level of a `ZNY CCCCC ZZH` marking.
fn security_level(line: &str) -> Option<&'static str> {
    let marking = line.split_whitespace().nth(1)?;
    let first = marking.chars().next()?;
    if marking.len() < 3 || !marking.chars().all(|c| c == first) {
        return None;
    }
    match first {
        'U' => Some("UNCLASSIFIED"),
        'C' => Some("CONFIDENTIAL"),
        'S' => Some("SECRET"),
        'T' => Some("TOP SECRET"),
        _ => None,
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Block {
    None,
    To,
    Info,
    /// `INFO  LOG-00 ...`: the receiving office's distribution log.
    Log,
}

/// Reads the header lines. Every part is optional: partial extracts have only
/// a note, old copies start at the DTG.
pub fn parse_header(lines: &[&str]) -> Header {
    let mut header = Header::default();
    let mut routing = Routing::default();
    let mut seen_routing = false;
    let mut block = Block::None;
    let mut after_precedence_line = false;
    for raw in lines {
        let line = raw.trim();
        if line.is_empty() {
            continue;
        }
        let mut continues_precedence = false;
        if let Some(rest) = line.strip_prefix("VZCZC") {
            routing.transmission_id = Some(format!("VZCZC{}", rest.split_whitespace().next().unwrap_or("")));
            seen_routing = true;
        } else if split::is_precedence_line(line) {
            let mut words = line.split_whitespace();
            let prosign = words.next().and_then(|w| w.chars().next());
            routing.precedence = prosign.and_then(dtg::precedence_word).map(str::to_string);
            routing.routing_indicators.extend(words.map(str::to_string));
            seen_routing = true;
            continues_precedence = true;
        } else if after_precedence_line && line.split_whitespace().all(split::is_routing_indicator) {
            routing.routing_indicators.extend(line.split_whitespace().map(str::to_string));
            continues_precedence = true;
        } else if let Ok((_, (station, serial, time))) = de_line(line) {
            routing.station = Some(station.to_string());
            routing.station_serial = Some(serial.to_string());
            routing.filing_time = time.map(str::to_string);
            seen_routing = true;
        } else if split::is_security_line(line) {
            if routing.security.is_none() {
                routing.security = security_level(line).map(str::to_string);
            }
            seen_routing = true;
        } else if header.dtg.is_none()
            && let Some(d) = dtg::dtg_line(line)
        {
            // Only the first DTG counts (the addressee lines after it are
            // not read as dates at all).
            header.dtg = Some(d);
            block = Block::None;
        } else if let Some(rest) = keyword(line, "FM") {
            header.from = Some(strip_route(rest).to_string());
            block = Block::None;
        } else if let Some(rest) = keyword(line, "TO") {
            block = Block::To;
            push_addressee(&mut header.to, rest);
        } else if let Some(rest) = keyword(line, "INFO") {
            if rest.starts_with("LOG-") {
                block = Block::Log;
            } else {
                block = Block::Info;
                push_addressee(&mut header.info, rest);
            }
        } else if line.starts_with("PAGE ") || raw.starts_with("    ") {
            // Old page headers and log lines carry nothing we report.
        } else {
            match block {
                Block::To => push_addressee(&mut header.to, line),
                Block::Info => push_addressee(&mut header.info, line),
                Block::Log if line.starts_with("---") => block = Block::None,
                _ => {}
            }
        }
        after_precedence_line = continues_precedence;
    }
    if routing.precedence.is_none() && seen_routing {
        routing.precedence = header
            .dtg
            .as_ref()
            .and_then(|d| d.prosigns.first().copied())
            .and_then(dtg::precedence_word)
            .map(str::to_string);
    }
    header.routing = seen_routing.then_some(routing);
    header
}

/// The rest of a line that starts with `word` and a space (or is just it).
fn keyword<'a>(line: &'a str, word: &str) -> Option<&'a str> {
    let rest = line.strip_prefix(word)?;
    if rest.is_empty() {
        return Some(rest);
    }
    rest.starts_with([' ', '\t']).then(|| rest.trim())
}

/// `RUEHAK/AMEMBASSY ANKARA` -> `AMEMBASSY ANKARA`.
fn strip_route(from: &str) -> &str {
    match from.split_once('/') {
        Some((ri, rest)) if split::is_routing_indicator(ri) => rest.trim(),
        _ => from.trim(),
    }
}

fn push_addressee(list: &mut Vec<Addressee>, text: &str) {
    // `TO PAGE 02  STATE 015113 182333Z`: an old page header, not a name.
    if text.starts_with("PAGE ") {
        return;
    }
    if let Some(a) = address::addressee(text) {
        list.push(a);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::lines::split_lines;

    const SEED_HEADER: &str = "VZCZCXYZ0000\nOO RUEHWEB\n\nDE RUCNDT #0314 0982354\nZNY CCCCC ZZH\n\
        O 072354Z APR 08\nFM USMISSION USUN NEW YORK\nTO RUEHC/SECSTATE WASHDC IMMEDIATE 4065\n\
        INFO RUEHGG/UN SECURITY COUNCIL COLLECTIVE IMMEDIATE";

    #[test]
    fn reads_the_seed_header() {
        let h = parse_header(&split_lines(SEED_HEADER));
        let r = h.routing.unwrap();
        assert_eq!(r.transmission_id.as_deref(), Some("VZCZCXYZ0000"));
        assert_eq!(r.precedence.as_deref(), Some("IMMEDIATE"));
        assert_eq!(r.routing_indicators, vec!["RUEHWEB"]);
        assert_eq!(r.station.as_deref(), Some("RUCNDT"));
        assert_eq!(r.station_serial.as_deref(), Some("0314"));
        assert_eq!(r.filing_time.as_deref(), Some("0982354"));
        assert_eq!(r.security.as_deref(), Some("CONFIDENTIAL"));
        assert_eq!(h.dtg.unwrap().iso(), "2008-04-07T23:54:00Z");
        assert_eq!(h.from.as_deref(), Some("USMISSION USUN NEW YORK"));
        assert_eq!(h.to.len(), 1);
        assert_eq!(h.to[0].serial.as_deref(), Some("4065"));
        assert_eq!(h.info[0].name, "UN SECURITY COUNCIL COLLECTIVE");
        assert_eq!(h.info[0].precedence.as_deref(), Some("IMMEDIATE"));
    }

    #[test]
    fn reads_multi_section_de_line_and_wrapped_indicators() {
        let h = parse_header(&split_lines(
            "VZCZCXRO9919\nPP RUEHBC RUEHDE\nRUEHKUK RUEHKW\nDE RUEHAK #0691/01 1021244\nZNR UUUUU ZZH",
        ));
        let r = h.routing.unwrap();
        assert_eq!(r.precedence.as_deref(), Some("PRIORITY"));
        assert_eq!(r.routing_indicators, vec!["RUEHBC", "RUEHDE", "RUEHKUK", "RUEHKW"]);
        assert_eq!(r.station_serial.as_deref(), Some("0691"));
        assert_eq!(r.security.as_deref(), Some("UNCLASSIFIED"));
    }

    #[test]
    fn old_headers_start_at_the_dtg() {
        let h = parse_header(&split_lines(
            "P R 281848Z DEC 66\nFM AMEMBASSY BUENOS AIRES\nTO SECSTATE WASHDC PRIORITY\nINFO USCINCSO\nCINCLANT",
        ));
        assert!(h.routing.is_none());
        assert_eq!(h.dtg.unwrap().iso(), "1966-12-28T18:48:00Z");
        assert_eq!(h.to[0].name, "SECSTATE WASHDC");
        assert_eq!(h.info.len(), 2);
    }

    #[test]
    fn skips_office_log_blocks() {
        let h = parse_header(&split_lines(
            "INFO  LOG-00   NP-00    AID-00\n      CTME-00  DINT-00 /012W\n\
             ------------------A54E38  291401Z /38\nFM AMEMBASSY HARARE\nTO SECSTATE WASHDC IMMEDIATE 7738",
        ));
        assert!(h.info.is_empty());
        assert_eq!(h.from.as_deref(), Some("AMEMBASSY HARARE"));
        assert_eq!(h.to.len(), 1);
    }
}
