//! The WikiLeaks `cables.csv` dump: no header row; each record is 8 fields in
//! double quotes separated by commas, ending with a newline (number, created
//! date, reference ID, origin, classification, references, header, content).
//! Inside a field `\"`, `\'` and `\\` are escapes and raw newlines are text.
//!
//! The reader streams: it holds one buffer of input (grown only for a record
//! larger than it) whatever the file size. A malformed record is reported
//! with its number and byte offset, and reading goes on at the next record.

use std::borrow::Cow;
use std::io::{self, Read};
use std::ops::Range;

use crate::document::{Document, Publisher};
use crate::model::{Format, Source};
use crate::parse::record::us_date_time;

/// Fields per record.
pub const FIELDS: usize = 8;

/// How much is read from the input at a time.
const CHUNK: usize = 1 << 20;

/// Does this start of a file look like a dump record (`"1","12/28/1966 18:06","`)?
pub fn looks_like_dump(head: &[u8]) -> bool {
    let Some(rest) = head.strip_prefix(b"\"") else {
        return false;
    };
    let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
    let Some(rest) = rest.get(digits..).and_then(|r| r.strip_prefix(b"\",\"")) else {
        return false;
    };
    // The created date: M/D/YYYY H:MM.
    let date_len = rest.iter().take(20).take_while(|&&b| b != b'"').count();
    let date = &rest[..date_len];
    digits > 0
        && date.contains(&b'/')
        && date.contains(&b':')
        && date.iter().all(|b| b.is_ascii_digit() || b"/: ".contains(b))
}

/// One record of the dump, fields unescaped.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    /// The running number (field 1), or the record's position when that
    /// field is not a number.
    pub number: u64,
    /// Byte offset of the record in the input.
    pub offset: u64,
    pub fields: [String; FIELDS],
    /// Problems met while decoding the fields (invalid UTF-8).
    pub warnings: Vec<String>,
}

impl Record {
    /// The cable document: header and content to parse, the other fields as
    /// the publisher's word.
    pub fn into_document(self, path: Option<String>) -> Document<'static> {
        let [a, b, c, d, e, f, g, h] = self.fields.map(Cow::Owned);
        document([a, b, c, d, e, f, g, h], self.number, self.offset, self.warnings, path)
    }
}

/// A record whose unescaped fields sit in a caller's buffer (a batch of
/// records shares one buffer: no allocation per field).
#[derive(Debug, Clone, PartialEq)]
pub struct RecordAt {
    pub number: u64,
    pub offset: u64,
    /// Byte ranges of the fields in the buffer (their UTF-8 is checked
    /// when they are read, by [`RecordAt::document`]).
    pub fields: [Range<usize>; FIELDS],
}

impl RecordAt {
    /// The cable document, borrowing its text from `data`, the buffer the
    /// record was read into.
    pub fn document<'a>(&self, data: &'a [u8], path: Option<String>) -> Document<'a> {
        let mut warnings = Vec::new();
        let fields = std::array::from_fn(|n| {
            field_text(data.get(self.fields[n].clone()).unwrap_or_default(), n + 1, &mut warnings)
        });
        document(fields, self.number, self.offset, warnings, path)
    }

    /// Input bytes the record took (for progress and batching).
    pub fn size(&self) -> usize {
        self.fields.iter().map(|r| r.len() + 3).sum()
    }
}

/// The text of field `n` (1-based): the SIMD validator first (std's is
/// several times slower on long ASCII text); invalid bytes are replaced,
/// with a warning, as in any other input.
fn field_text<'a>(bytes: &'a [u8], n: usize, warnings: &mut Vec<String>) -> Cow<'a, str> {
    match simdutf8::basic::from_utf8(bytes) {
        Ok(text) => Cow::Borrowed(text),
        Err(_) => {
            warnings.push(format!("invalid UTF-8 in field {n} of the dump record: replaced"));
            String::from_utf8_lossy(bytes)
        }
    }
}

fn document(
    fields: [Cow<'_, str>; FIELDS],
    number: u64,
    offset: u64,
    warnings: Vec<String>,
    path: Option<String>,
) -> Document<'_> {
    let [_, created, id, origin, classification, _refs, header, content] = fields;
    let non_empty = |s: &str| (!s.trim().is_empty()).then(|| s.trim().to_string());
    Document {
        publisher: Publisher {
            id: non_empty(&id),
            created: us_date_time(&created),
            classification: non_empty(&classification),
            origin: non_empty(&origin),
        },
        header: Some(header),
        body: content,
        source: Source { path, format: Format::Csv, record: Some(number), offset: Some(offset) },
        warnings,
    }
}

/// What the reader yields: a record, or why a stretch of input was not one.
#[derive(Debug, Clone, PartialEq)]
pub enum Item<R = Box<Record>> {
    Record(R),
    Malformed {
        /// The record's position in the input (1-based).
        index: u64,
        offset: u64,
        reason: String,
    },
}

/// The result of scanning for one record at the start of a byte slice.
#[derive(Debug, PartialEq)]
enum Scan {
    /// A whole record: its length and the (still escaped) field ranges.
    Complete {
        len: usize,
        fields: Vec<Range<usize>>,
    },
    /// The record goes on past the end of the slice.
    Incomplete,
    Malformed {
        reason: String,
    },
}

/// Scans one record at the start of `b`. `at_eof` says no more input follows.
fn scan_record(b: &[u8], at_eof: bool) -> Scan {
    let mut fields = Vec::with_capacity(FIELDS);
    let mut i = 0;
    loop {
        match b.get(i) {
            Some(b'"') => {}
            None if at_eof => {
                return Scan::Malformed { reason: format!("record ends after {} of {FIELDS} fields", fields.len()) };
            }
            None => return Scan::Incomplete,
            Some(_) => {
                return Scan::Malformed { reason: format!("field {} does not start with a quote", fields.len() + 1) };
            }
        }
        let start = i + 1;
        let mut j = start;
        // The field runs to the first quote that is not escaped.
        let end = loop {
            match memchr::memchr2(b'"', b'\\', &b[j..]) {
                Some(p) if b[j + p] == b'\\' => {
                    if j + p + 1 >= b.len() {
                        return if at_eof {
                            Scan::Malformed { reason: "escape at end of input".to_string() }
                        } else {
                            Scan::Incomplete
                        };
                    }
                    j += p + 2;
                }
                Some(p) => break j + p,
                None if at_eof => {
                    return Scan::Malformed {
                        reason: format!("unterminated quote in field {} at end of input", fields.len() + 1),
                    };
                }
                None => return Scan::Incomplete,
            }
        };
        fields.push(start..end);
        i = end + 1;
        match b.get(i) {
            Some(b',') if fields.len() < FIELDS => i += 1,
            Some(b',') => return Scan::Malformed { reason: format!("more than {FIELDS} fields") },
            Some(b'\n') | Some(b'\r') if fields.len() == FIELDS => {
                let len = if b[i] == b'\r' && b.get(i + 1) == Some(&b'\n') { i + 2 } else { i + 1 };
                return Scan::Complete { len, fields };
            }
            None if at_eof && fields.len() == FIELDS => return Scan::Complete { len: i, fields },
            Some(b'\n') | Some(b'\r') => {
                return Scan::Malformed { reason: format!("{} fields, expected {FIELDS}", fields.len()) };
            }
            None if at_eof => {
                return Scan::Malformed { reason: format!("{} fields, expected {FIELDS}", fields.len()) };
            }
            None => return Scan::Incomplete,
            Some(_) => {
                return Scan::Malformed { reason: format!("text after the closing quote of field {}", fields.len()) };
            }
        }
    }
}

/// Where the next record starts after a malformed one: a line that begins
/// with `"<digits>","`.
#[derive(Debug, PartialEq)]
enum Start {
    /// A record starts at this offset.
    At(usize),
    /// The input ends in what may be the start of a record (`\n"12",`),
    /// at this offset: only more input tells.
    Maybe(usize),
    None,
}

fn next_record_start(b: &[u8]) -> Start {
    const AFTER_DIGITS: &[u8] = b"\",\"";
    let mut at = 0;
    while let Some(p) = memchr::memmem::find(&b[at..], b"\n\"") {
        let start = at + p + 1;
        let rest = &b[start + 1..];
        let digits = rest.iter().take_while(|c| c.is_ascii_digit()).count();
        let after = &rest[digits..];
        if digits > 0 && after.starts_with(AFTER_DIGITS) {
            return Start::At(start);
        }
        // Too short to tell, but all of it fits.
        if (digits > 0 || rest.is_empty()) && AFTER_DIGITS.starts_with(after) {
            return Start::Maybe(start);
        }
        at = start;
    }
    Start::None
}

/// The running number at the start of a record (`"17",...`), if readable.
fn running_number(b: &[u8]) -> Option<u64> {
    let rest = b.strip_prefix(b"\"")?;
    let digits = rest.iter().take_while(|c| c.is_ascii_digit()).count();
    if digits == 0 || rest.get(digits) != Some(&b'"') {
        return None;
    }
    std::str::from_utf8(&rest[..digits]).ok()?.parse().ok()
}

/// Appends `field` to `out` without its backslash escapes: `\"` -> `"`,
/// `\'` -> `'`, `\\` -> `\`.
fn unescape_into(field: &[u8], out: &mut Vec<u8>) {
    let mut rest = field;
    while let Some(p) = memchr::memchr(b'\\', rest) {
        out.extend_from_slice(&rest[..p]);
        if let Some(&c) = rest.get(p + 1) {
            out.push(c);
        }
        rest = rest.get(p + 2..).unwrap_or_default();
    }
    out.extend_from_slice(rest);
}

/// Streams items from a dump.
pub struct DumpReader<R> {
    reader: R,
    buf: Vec<u8>,
    /// Start of unread data in `buf`.
    pos: usize,
    /// Input offset of `buf[0]`.
    base: u64,
    eof: bool,
    /// Records (and malformed stretches) seen so far.
    index: u64,
    /// Largest record accepted, in bytes.
    max_record: usize,
    /// Skipping a record too large to hold, up to the next record start.
    skipping: bool,
}

impl<R: Read> DumpReader<R> {
    /// A reader over `reader`, with `head` the bytes already read from it.
    pub fn new(reader: R, head: Vec<u8>, max_record: usize) -> Self {
        DumpReader {
            reader,
            buf: head,
            pos: 0,
            base: 0,
            eof: false,
            index: 0,
            max_record: max_record.max(1024),
            skipping: false,
        }
    }

    /// Bytes of input consumed so far.
    pub fn consumed(&self) -> u64 {
        self.base + self.pos as u64
    }

    /// Reads more input into the buffer, dropping what was consumed.
    fn fill(&mut self) -> io::Result<()> {
        if self.pos > 0 && self.pos * 2 >= self.buf.len() {
            self.buf.drain(..self.pos);
            self.base += self.pos as u64;
            self.pos = 0;
        }
        // Reads into the spare capacity (no zeroing of the buffer first).
        let n = (&mut self.reader).take(CHUNK as u64).read_to_end(&mut self.buf)?;
        self.eof = n == 0;
        Ok(())
    }

    /// Unescapes the fields of the record at `pos` into `out`.
    fn record(&mut self, len: usize, ranges: &[Range<usize>], out: &mut Vec<u8>) -> RecordAt {
        let start = self.pos;
        let offset = self.base + start as u64;
        // UTF-8 is checked where the fields are used (by the workers).
        let fields: [Range<usize>; FIELDS] = std::array::from_fn(|n| {
            let at = out.len();
            unescape_into(&self.buf[start + ranges[n].start..start + ranges[n].end], out);
            at..out.len()
        });
        self.pos += len;
        let number =
            std::str::from_utf8(&out[fields[0].clone()]).ok().and_then(|n| n.trim().parse().ok()).unwrap_or(self.index);
        RecordAt { number, offset, fields }
    }

    /// Drops input up to the next record start after a malformed record;
    /// returns false when more input is needed to find it.
    fn resync(&mut self) -> bool {
        match (next_record_start(&self.buf[self.pos..]), self.eof) {
            // At the end of the input, a cut record start is still one (and
            // then reported as malformed).
            (Start::At(p), _) | (Start::Maybe(p), true) => {
                self.pos += p;
                self.skipping = false;
                true
            }
            (Start::Maybe(p), false) => {
                // Keep the `\n` before it: the search goes on from there.
                self.pos += p - 1;
                false
            }
            (Start::None, true) => {
                self.pos = self.buf.len();
                self.skipping = false;
                true
            }
            (Start::None, false) => {
                // Keep only the last byte: a `\n` may begin the next record.
                self.pos = self.buf.len().saturating_sub(1).max(self.pos);
                false
            }
        }
    }
}

impl<R: Read> DumpReader<R> {
    /// The next item; a record's fields are appended to `out`.
    pub fn next_into(&mut self, out: &mut Vec<u8>) -> Option<io::Result<Item<RecordAt>>> {
        loop {
            if self.skipping {
                if !self.resync()
                    && let Err(e) = self.fill()
                {
                    return Some(Err(e));
                }
                continue;
            }
            let data = &self.buf[self.pos..];
            if data.is_empty() && self.eof {
                return None;
            }
            // Blank lines between records are not records.
            if let Some(&(b'\n' | b'\r')) = data.first() {
                self.pos += 1;
                continue;
            }
            match scan_record(data, self.eof) {
                Scan::Complete { len, .. } if len > self.max_record => {
                    self.index += 1;
                    let (index, offset) = (running_number(data).unwrap_or(self.index), self.consumed());
                    self.pos += len;
                    return Some(Ok(Item::Malformed {
                        index,
                        offset,
                        reason: format!("record larger than {} bytes (--max-size): skipped", self.max_record),
                    }));
                }
                Scan::Complete { len, fields } => {
                    self.index += 1;
                    return Some(Ok(Item::Record(self.record(len, &fields, out))));
                }
                Scan::Incomplete if self.buf.len() - self.pos > self.max_record => {
                    self.index += 1;
                    // Named by its running number, as a whole record is.
                    let (index, offset) = (running_number(data).unwrap_or(self.index), self.consumed());
                    self.skipping = true;
                    // Keep the record's first byte out of the resync search.
                    self.pos += 1;
                    return Some(Ok(Item::Malformed {
                        index,
                        offset,
                        reason: format!("record larger than {} bytes (--max-size): skipped", self.max_record),
                    }));
                }
                Scan::Incomplete => {
                    if let Err(e) = self.fill() {
                        return Some(Err(e));
                    }
                }
                Scan::Malformed { reason } => {
                    self.index += 1;
                    let offset = self.consumed();
                    let index = running_number(data).unwrap_or(self.index);
                    self.pos += 1;
                    self.skipping = true;
                    return Some(Ok(Item::Malformed { index, offset, reason }));
                }
            }
        }
    }
}

/// Records one at a time, each with its own strings (simple, for tests and
/// small jobs; the pipeline reads batches with `next_into`).
impl<R: Read> Iterator for DumpReader<R> {
    type Item = io::Result<Item>;

    fn next(&mut self) -> Option<Self::Item> {
        let mut data = Vec::new();
        Some(self.next_into(&mut data)?.map(|item| match item {
            Item::Record(at) => {
                let mut warnings = Vec::new();
                let fields =
                    std::array::from_fn(|n| field_text(&data[at.fields[n].clone()], n + 1, &mut warnings).into_owned());
                Item::Record(Box::new(Record { number: at.number, offset: at.offset, fields, warnings }))
            }
            Item::Malformed { index, offset, reason } => Item::Malformed { index, offset, reason },
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TWO: &str = "\"1\",\"12/28/1966 18:06\",\"66BUENOSAIRES2481\",\"Embassy Buenos Aires\",\"UNCLASSIFIED\",\"\",\
        \"P R 281848Z DEC 66\nFM AMEMBASSY BUENOS AIRES\",\"UNCLASSIFIED BUENOS AIRES 2481 \n\nOF \\\"PREFERENTIAL\\\" \
        JURISDICTION\\'S \\\\ END\"\n\"2\",\"8/13/2009 8:54\",\"09X1\",\"o\",\"SECRET\",\"09X0|09X2\",\"h\",\"c\"\n";

    fn items(input: &[u8], chunk_head: usize) -> Vec<Item> {
        // Start with part of the input as the already-read head, to cross
        // buffer boundaries.
        let head = input[..chunk_head.min(input.len())].to_vec();
        DumpReader::new(&input[head.len()..], head, 1 << 20).map(|r| r.unwrap()).collect()
    }

    fn record(item: &Item) -> &Record {
        match item {
            Item::Record(r) => r,
            other => panic!("not a record: {other:?}"),
        }
    }

    #[test]
    fn reads_records_with_escapes_and_newlines() {
        for head in [0, 1, 7, 50, TWO.len()] {
            let got = items(TWO.as_bytes(), head);
            assert_eq!(got.len(), 2, "head {head}");
            let first = record(&got[0]);
            assert_eq!(first.number, 1);
            assert_eq!(first.offset, 0);
            assert_eq!(first.fields[6], "P R 281848Z DEC 66\nFM AMEMBASSY BUENOS AIRES");
            assert_eq!(first.fields[7], "UNCLASSIFIED BUENOS AIRES 2481 \n\nOF \"PREFERENTIAL\" JURISDICTION'S \\ END");
            let second = record(&got[1]);
            assert_eq!(second.number, 2);
            assert_eq!(second.offset, TWO.find("\"2\"").unwrap() as u64);
            assert_eq!(second.fields[5], "09X0|09X2");
        }
    }

    #[test]
    fn makes_documents() {
        let got = items(TWO.as_bytes(), 0);
        let Item::Record(r) = got[0].clone() else { panic!() };
        let doc = r.into_document(Some("cables.csv".into()));
        assert_eq!(doc.publisher.id.as_deref(), Some("66BUENOSAIRES2481"));
        assert_eq!(doc.publisher.created.as_deref(), Some("1966-12-28T18:06"));
        assert_eq!(doc.publisher.origin.as_deref(), Some("Embassy Buenos Aires"));
        assert_eq!(doc.source.record, Some(1));
        assert_eq!(doc.source.format, Format::Csv);
        assert!(doc.header.unwrap().starts_with("P R 281848Z"));
    }

    #[test]
    fn invalid_utf8_in_a_record_is_replaced_with_a_warning() {
        let input = b"\"1\",\"1/1/2000 1:00\",\"ID\",\"o\",\"c\",\"\",\"h\",\"O\xd5CONNOR\"\n";
        let mut reader = DumpReader::new(&input[..], Vec::new(), 1 << 20);
        let mut data = Vec::new();
        let Some(Ok(Item::Record(at))) = reader.next_into(&mut data) else { panic!("no record") };
        let doc = at.document(&data, None);
        assert_eq!(doc.body, "O\u{fffd}CONNOR");
        assert_eq!(doc.warnings, ["invalid UTF-8 in field 8 of the dump record: replaced"]);
    }

    /// Found by fuzzing (`csv_dump`): the Iterator replaced invalid bytes
    /// without the warning that `next_into` gives, so the same record made
    /// two different cables.
    #[test]
    fn invalid_utf8_warning_lost_by_the_iterator() {
        let input = b"\"1\",\"1/1/2000 1:00\",\"ID\",\"o\",\"c\",\"\",\"h\",\"O\xd5CONNOR\"\n";
        let got = items(input, 0);
        let record = record(&got[0]);
        assert_eq!(record.fields[7], "O\u{fffd}CONNOR");
        assert_eq!(record.warnings, ["invalid UTF-8 in field 8 of the dump record: replaced"]);
        let doc = record.clone().into_document(None);
        assert_eq!(doc.warnings, ["invalid UTF-8 in field 8 of the dump record: replaced"]);
    }

    #[test]
    fn reports_a_wrong_field_count_and_goes_on() {
        let input =
            "\"7\",\"1/1/2000 1:00\",\"a\",\"b\",\"c\"\n\"2\",\"1/1/2000 1:00\",\"ID\",\"o\",\"c\",\"\",\"h\",\"c\"\n";
        let got = items(input.as_bytes(), 0);
        assert_eq!(got.len(), 2);
        assert_eq!(got[0], Item::Malformed { index: 7, offset: 0, reason: "5 fields, expected 8".into() });
        assert_eq!(record(&got[1]).fields[2], "ID");
        assert_eq!(record(&got[1]).number, 2);
    }

    #[test]
    fn reports_a_stray_quote() {
        let input = "\"1\",\"1/1/2000 1:00\",\"a\",\"b\",\"c\",\"\",\"h\",\"text with a \" stray quote\"\n\
                     \"2\",\"1/1/2000 1:00\",\"ID\",\"o\",\"c\",\"\",\"h\",\"c\"\n";
        let got = items(input.as_bytes(), 0);
        assert!(
            matches!(&got[0], Item::Malformed { reason, .. } if reason.contains("after the closing quote of field 8"))
        );
        assert_eq!(record(&got[1]).fields[2], "ID");
    }

    #[test]
    fn reports_an_unterminated_quote_and_an_escape_at_the_end() {
        let got = items(b"\"1\",\"1/1/2000 1:00\",\"a\",\"b\",\"c\",\"\",\"h\",\"never closed\n", 0);
        assert_eq!(got.len(), 1);
        assert!(matches!(&got[0], Item::Malformed { reason, .. } if reason.contains("unterminated quote in field 8")));
        let got = items(b"\"1\",\"1/1/2000 1:00\",\"a\",\"b\",\"c\",\"\",\"h\",\"escape \\", 0);
        assert!(matches!(&got[0], Item::Malformed { reason, .. } if reason == "escape at end of input"));
    }

    /// Found by fuzzing (`csv_dump`): after a malformed record, a line
    /// starting with a quote cut at the end of the buffer (`\n"S`) was taken
    /// for a record start, and reported as one more malformed record; with
    /// the whole line in the buffer it was skipped. The items now do not
    /// depend on where the buffer ends.
    #[test]
    fn a_line_cut_at_the_buffer_end_is_not_taken_for_a_record() {
        let input = "\"1\",\"1/1/2000 1:00\",\"a\",\"b\",\"c\",\"\",\"h\",\"text with a \" stray quote\n\
                     \"SUBJECT: A QUOTED LINE\"\n\
                     \"2\",\"1/1/2000 1:00\",\"ID\",\"o\",\"c\",\"\",\"h\",\"c\"\n\"3";
        let whole = items(input.as_bytes(), input.len());
        assert_eq!(whole.len(), 3, "{whole:?}");
        assert!(matches!(&whole[0], Item::Malformed { index: 1, offset: 0, .. }));
        assert_eq!(record(&whole[1]).number, 2);
        // The cut record start at the end is reported, once.
        assert!(matches!(&whole[2], Item::Malformed { index: 3, reason, .. } if reason.contains("end of input")));
        for head in 0..input.len() {
            assert_eq!(items(input.as_bytes(), head), whole, "head of {head} bytes");
        }
    }

    #[test]
    fn a_last_record_without_newline_is_complete() {
        let got = items(b"\"1\",\"1/1/2000 1:00\",\"a\",\"b\",\"c\",\"\",\"h\",\"c\"", 0);
        assert_eq!(record(&got[0]).fields[7], "c");
    }

    #[test]
    fn skips_records_larger_than_the_limit() {
        let big = format!("\"1\",\"1/1/2000 1:00\",\"a\",\"b\",\"c\",\"\",\"h\",\"{}\"\n", "x".repeat(5000));
        let input = format!("{big}\"2\",\"1/1/2000 1:00\",\"ID\",\"o\",\"c\",\"\",\"h\",\"c\"\n");
        let got: Vec<Item> = DumpReader::new(input.as_bytes(), Vec::new(), 1024).map(|r| r.unwrap()).collect();
        assert!(matches!(&got[0], Item::Malformed { reason, .. } if reason.contains("larger than 1024")));
        assert_eq!(record(&got[1]).fields[2], "ID");
        assert_eq!(got.len(), 2);
    }

    #[test]
    fn a_record_too_large_is_named_by_its_number_whole_or_cut() {
        // Record 7 is the first of the input: by position it would be 1.
        // 5 KB is seen whole (one read); 1.5 MB is cut by the 1 MB reads.
        for size in [5_000, CHUNK + CHUNK / 2] {
            let big = format!("\"7\",\"1/1/2000 1:00\",\"a\",\"b\",\"c\",\"\",\"h\",\"{}\"\n", "x".repeat(size));
            let input = format!("{big}\"8\",\"1/1/2000 1:00\",\"ID\",\"o\",\"c\",\"\",\"h\",\"c\"\n");
            let got: Vec<Item> = DumpReader::new(input.as_bytes(), Vec::new(), 1024).map(|r| r.unwrap()).collect();
            assert!(matches!(&got[0], Item::Malformed { index: 7, offset: 0, .. }), "size {size}: {:?}", got[0]);
            assert_eq!(record(&got[1]).number, 8);
            assert_eq!(got.len(), 2);
        }
    }

    #[test]
    fn detects_the_dump() {
        assert!(looks_like_dump(b"\"1\",\"12/28/1966 18:06\",\"66BUENOSAIRES2481\""));
        assert!(looks_like_dump(b"\"251287\",\"2/28/2010 23:59\",\"10X1\""));
        assert!(!looks_like_dump(b"\"quoted text\", said the cable"));
        assert!(!looks_like_dump(b"UNCLAS SECTION 01 OF 02"));
        assert!(!looks_like_dump(b"\"1\",\"hello\""));
    }
}
