//! From bytes to text: refuse what is not text at all, and read damaged text
//! (invalid UTF-8, NUL bytes, CR line ends) with a warning instead of failing.

use std::fmt;

/// Why a file is not read as a cable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotText {
    Empty,
    Binary(&'static str),
}

impl fmt::Display for NotText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NotText::Empty => write!(f, "empty input: no cable text"),
            NotText::Binary(kind) => write!(f, "not a cable: binary data ({kind})"),
        }
    }
}

impl std::error::Error for NotText {}

/// File signatures of common binary formats people have lying around.
const MAGIC: &[(&[u8], &str)] = &[
    (b"\x89PNG", "PNG image"),
    (b"\x7fELF", "ELF executable"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"%PDF", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\x1f\x8b", "gzip data"),
    (b"BZh", "bzip2 data"),
    (b"\xfd7zXZ", "xz data"),
    (b"\x28\xb5\x2f\xfd", "zstd data"),
    (b"MZ", "Windows executable"),
];

/// How much of the start is inspected for binary content.
const SNIFF_LEN: usize = 8192;

/// Is this binary data rather than (possibly damaged) text?
pub fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    if let Some((_, kind)) = MAGIC.iter().find(|(magic, _)| bytes.starts_with(magic)) {
        return Some(kind);
    }
    let sample = &bytes[..bytes.len().min(SNIFF_LEN)];
    let control =
        sample.iter().filter(|&&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c)) || b == 0x7f).count();
    // A cable with a few stray NULs is damaged text; one with many control
    // bytes is something else.
    (sample.len() >= 16 && control * 10 > sample.len()).then_some("control bytes")
}

/// Windows-1252 characters for bytes 0x80-0x9F (the rest of the high half is
/// Latin-1). Used for bytes that are not valid UTF-8.
const CP1252_HIGH: [char; 32] = [
    '\u{20ac}', '\u{81}', '\u{201a}', '\u{192}', '\u{201e}', '\u{2026}', '\u{2020}', '\u{2021}', '\u{2c6}', '\u{2030}',
    '\u{160}', '\u{2039}', '\u{152}', '\u{8d}', '\u{17d}', '\u{8f}', '\u{90}', '\u{2018}', '\u{2019}', '\u{201c}',
    '\u{201d}', '\u{2022}', '\u{2013}', '\u{2014}', '\u{2dc}', '\u{2122}', '\u{161}', '\u{203a}', '\u{153}', '\u{9d}',
    '\u{17e}', '\u{178}',
];

fn cp1252(b: u8) -> char {
    match b {
        0x80..=0x9f => CP1252_HIGH[(b - 0x80) as usize],
        _ => b as char,
    }
}

/// Decodes UTF-8, reading each invalid byte as Windows-1252 (the usual
/// encoding of such exports). Returns the text and the offset of the first
/// invalid byte.
fn decode_lossy(bytes: &[u8]) -> (String, Option<usize>) {
    let mut out = String::with_capacity(bytes.len() + 16);
    let mut first_bad = None;
    let mut rest = bytes;
    let mut offset = 0;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                out.push_str(s);
                break;
            }
            Err(e) => {
                let good = e.valid_up_to();
                // Safe: `good` bytes were just checked.
                out.push_str(std::str::from_utf8(&rest[..good]).unwrap_or_default());
                let bad_len = e.error_len().unwrap_or(rest.len() - good);
                first_bad.get_or_insert(offset + good);
                for &b in &rest[good..good + bad_len] {
                    out.push(cp1252(b));
                }
                offset += good + bad_len;
                rest = &rest[good + bad_len..];
            }
        }
    }
    (out, first_bad)
}

/// Text saved as UTF-16 (Windows "Unicode"), known by its byte order mark,
/// as UTF-8. Its ASCII letters are half NUL bytes, so without this it would
/// be refused as binary. Broken units become U+FFFD, with a warning.
fn from_utf16(bytes: &[u8], warnings: &mut Vec<String>) -> Option<Vec<u8>> {
    let little_endian = match bytes {
        [0xff, 0xfe, ..] => true,
        [0xfe, 0xff, ..] => false,
        _ => return None,
    };
    let body = &bytes[2..];
    let units = body
        .chunks_exact(2)
        .map(|c| if little_endian { u16::from_le_bytes([c[0], c[1]]) } else { u16::from_be_bytes([c[0], c[1]]) });
    let mut broken = body.len() % 2;
    let mut text: String = char::decode_utf16(units)
        .map(|unit| {
            unit.unwrap_or_else(|_| {
                broken += 1;
                char::REPLACEMENT_CHARACTER
            })
        })
        .collect();
    if body.len() % 2 == 1 {
        text.push(char::REPLACEMENT_CHARACTER);
    }
    if broken > 0 {
        warnings.push(format!("{broken} invalid UTF-16 unit(s) replaced by U+FFFD"));
    }
    Some(text.into_bytes())
}

/// Turns bytes into cable text. Empty and binary input is refused; damage is
/// repaired and reported in `warnings`.
pub fn decode(bytes: Vec<u8>, warnings: &mut Vec<String>) -> Result<String, NotText> {
    let bytes = from_utf16(&bytes, warnings).unwrap_or(bytes);
    if let Some(kind) = binary_kind(&bytes) {
        return Err(NotText::Binary(kind));
    }
    let bytes = match bytes.strip_prefix(b"\xef\xbb\xbf") {
        Some(rest) => rest.to_vec(),
        None => bytes,
    };
    let mut text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let (text, first_bad) = decode_lossy(e.as_bytes());
            warnings
                .push(format!("invalid UTF-8 (first at byte {}): bytes read as Windows-1252", first_bad.unwrap_or(0)));
            text
        }
    };
    let nuls = memchr::memchr_iter(0, text.as_bytes()).count();
    if nuls > 0 {
        text.retain(|c| c != '\0');
        warnings.push(format!("{nuls} NUL byte(s) removed"));
    }
    if memchr::memchr(b'\r', text.as_bytes()).is_some() {
        text = text.replace("\r\n", "\n").replace('\r', "\n");
    }
    if text.trim().is_empty() {
        return Err(NotText::Empty);
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_empty_and_binary() {
        let mut w = Vec::new();
        assert_eq!(decode(Vec::new(), &mut w), Err(NotText::Empty));
        assert_eq!(decode(b" \n\t\n".to_vec(), &mut w), Err(NotText::Empty));
        assert_eq!(decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec(), &mut w), Err(NotText::Binary("PNG image")));
        assert_eq!(decode(b"\x7fELF\x02\x01\x01".to_vec(), &mut w), Err(NotText::Binary("ELF executable")));
        assert_eq!(decode(vec![1u8; 100], &mut w), Err(NotText::Binary("control bytes")));
    }

    #[test]
    fn reads_latin1_and_cp1252_with_a_warning() {
        let mut w = Vec::new();
        let text = decode(b"O\xd5CONNOR said \x93yes\x94".to_vec(), &mut w).unwrap();
        assert_eq!(text, "O\u{d5}CONNOR said \u{201c}yes\u{201d}");
        assert_eq!(w.len(), 1);
        assert!(w[0].contains("byte 1"), "{w:?}");
    }

    #[test]
    fn removes_nuls_and_carriage_returns() {
        let mut w = Vec::new();
        let text = decode(b"SECRET STATE 1\r\n\0TAGS: PREL\r".to_vec(), &mut w).unwrap();
        assert_eq!(text, "SECRET STATE 1\nTAGS: PREL\n");
        assert_eq!(w, ["1 NUL byte(s) removed"]);
    }

    #[test]
    fn strips_a_byte_order_mark() {
        let mut w = Vec::new();
        assert_eq!(decode(b"\xef\xbb\xbfUNCLAS".to_vec(), &mut w).unwrap(), "UNCLAS");
        assert!(w.is_empty());
    }

    #[test]
    fn utf16_text_refused_as_binary() {
        // A cable saved as "Unicode" in Windows was refused as control bytes.
        let text = "UNCLAS STATE 000001\r\nTAGS: PREL \u{201c}x\u{201d}";
        let le: Vec<u8> = [0xff, 0xfe].into_iter().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect();
        let be: Vec<u8> = [0xfe, 0xff].into_iter().chain(text.encode_utf16().flat_map(u16::to_be_bytes)).collect();
        for bytes in [le.clone(), be] {
            let mut w = Vec::new();
            assert_eq!(decode(bytes, &mut w).unwrap(), "UNCLAS STATE 000001\nTAGS: PREL \u{201c}x\u{201d}");
            assert!(w.is_empty(), "{w:?}");
        }
        // A lone surrogate and an odd last byte are damage, not a refusal.
        let mut damaged = le;
        damaged.extend_from_slice(&[0x00, 0xd8, b'y', 0x00, 0x41]);
        let mut w = Vec::new();
        assert!(decode(damaged, &mut w).unwrap().ends_with("\u{fffd}y\u{fffd}"));
        assert_eq!(w, ["2 invalid UTF-16 unit(s) replaced by U+FFFD"]);
    }
}
