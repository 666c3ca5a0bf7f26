//! Compact JSON for whole cables, written straight from the model: the hot
//! path of `cable --json` over a dump. Keys are byte literals made at
//! compile time (serde serializers escape every key at run time), strings
//! go through sonic-rs's SIMD escaping. The output is byte for byte what
//! serde_json writes for the same `Cable` (checked in tests/corpus.rs and
//! below), so the serde derive stays the one definition of the contract.

use sonic_rs::format::{CompactFormatter, Formatter};

use crate::model::{
    Addressee, Cable, ClassifiedBy, Declassification, Format, Paragraph, Reference, Routing, Section, Source,
};

/// A value that writes itself as compact JSON.
pub trait WriteJson {
    fn write_json(&self, out: &mut Vec<u8>);
}

/// Appends `cable` as one compact JSON object (no newline).
pub fn write_cable(cable: &Cable, out: &mut Vec<u8>) {
    cable.write_json(out);
}

/// Objects: fields in declaration order, as serde derives them.
macro_rules! json_object {
    ($ty:ty { $first:ident $(, $field:ident)* $(,)? }) => {
        impl WriteJson for $ty {
            fn write_json(&self, out: &mut Vec<u8>) {
                out.extend_from_slice(concat!("{\"", stringify!($first), "\":").as_bytes());
                self.$first.write_json(out);
                $(
                    out.extend_from_slice(concat!(",\"", stringify!($field), "\":").as_bytes());
                    self.$field.write_json(out);
                )*
                out.push(b'}');
            }
        }
    };
}

json_object!(Cable {
    id,
    source,
    created,
    routing,
    dtg,
    date,
    origin,
    from,
    to,
    info,
    classification,
    office,
    serial,
    section,
    captions,
    distribution,
    declassification,
    tags,
    subject,
    references,
    classified_by,
    summary,
    paragraphs,
    signers,
    warnings,
});
json_object!(Source { path, format, record, offset });
json_object!(Routing {
    transmission_id,
    precedence,
    routing_indicators,
    station,
    station_serial,
    filing_time,
    security,
});
json_object!(Addressee { route, name, precedence, serial });
json_object!(Section { number, of });
json_object!(Declassification { order, instruction, date });
json_object!(Reference { label, text, id });
json_object!(ClassifiedBy { text, name, reasons });
json_object!(Paragraph { number, marking, text });

impl WriteJson for Format {
    fn write_json(&self, out: &mut Vec<u8>) {
        write_str(self.name(), out);
    }
}

impl WriteJson for String {
    fn write_json(&self, out: &mut Vec<u8>) {
        write_str(self, out);
    }
}

impl WriteJson for u32 {
    fn write_json(&self, out: &mut Vec<u8>) {
        write_u64(u64::from(*self), out);
    }
}

impl WriteJson for u64 {
    fn write_json(&self, out: &mut Vec<u8>) {
        write_u64(*self, out);
    }
}

impl<T: WriteJson> WriteJson for Option<T> {
    fn write_json(&self, out: &mut Vec<u8>) {
        match self {
            Some(v) => v.write_json(out),
            None => out.extend_from_slice(b"null"),
        }
    }
}

impl<T: WriteJson> WriteJson for Vec<T> {
    fn write_json(&self, out: &mut Vec<u8>) {
        out.push(b'[');
        for (n, v) in self.iter().enumerate() {
            if n > 0 {
                out.push(b',');
            }
            v.write_json(out);
        }
        out.push(b']');
    }
}

fn write_u64(n: u64, out: &mut Vec<u8>) {
    out.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
}

/// A JSON string, escaped by sonic-rs's SIMD code (the same escapes as
/// serde_json: `\"`, `\\`, `\n`, `\u001f`, ...).
fn write_str(s: &str, out: &mut Vec<u8>) {
    // Writing into a Vec only grows it: there is no error to report.
    let _ = CompactFormatter.write_string_fast(out, s, true);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json(s: &str) -> String {
        let mut out = Vec::new();
        write_str(s, &mut out);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn escapes_as_serde_json_does() {
        let mut all = String::new();
        for c in (0u8..0x80).chain([0xe9]) {
            all.push(char::from(c));
        }
        all.push_str("\u{2028}\u{fffd} end");
        for s in [all.as_str(), "", "a", "\"", "plain text of more than eight bytes", "tab\there\n\"q\"\\"] {
            assert_eq!(json(s), serde_json::to_string(s).unwrap(), "{s:?}");
        }
        // Every byte value at every position of a word.
        for pos in 0..9 {
            for c in 0u8..0x80 {
                let mut s = "abcdefghijklmnop".to_string();
                s.insert(pos, char::from(c));
                assert_eq!(json(&s), serde_json::to_string(&s).unwrap(), "{s:?}");
            }
        }
    }

    #[test]
    fn writes_numbers() {
        for n in [0u64, 7, 10, 314, u64::MAX] {
            let mut out = Vec::new();
            write_u64(n, &mut out);
            assert_eq!(out, n.to_string().into_bytes());
        }
    }

    #[test]
    fn writes_a_cable_as_serde_json_does() {
        let cable = Cable {
            id: Some("08USUNNEWYORK314".into()),
            source: Source { path: Some("a \"b\".txt".into()), format: Format::Csv, record: Some(3), offset: Some(0) },
            routing: Some(Routing { routing_indicators: vec!["RUEHWEB".into()], ..Default::default() }),
            to: vec![Addressee { route: Some("RUEHC".into()), name: "SECSTATE WASHDC".into(), ..Default::default() }],
            section: Some(Section { number: 1, of: 3 }),
            declassification: Some(Declassification { order: Some("12958".into()), ..Default::default() }),
            references: vec![Reference { label: Some("A".into()), text: "USUN 303".into(), id: None }],
            classified_by: Some(ClassifiedBy { text: "x".into(), name: None, reasons: vec!["1.4(b)".into()] }),
            paragraphs: vec![Paragraph { number: Some(1), marking: Some("C".into()), text: "a\nb".into() }],
            warnings: vec!["w".into()],
            ..Default::default()
        };
        let mut out = Vec::new();
        write_cable(&cable, &mut out);
        assert_eq!(String::from_utf8(out).unwrap(), serde_json::to_string(&cable).unwrap());
    }
}
