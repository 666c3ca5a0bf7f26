//! The `cables.csv` dump reader on any bytes, read in irregular pieces and
//! taken both ways: with `next_into` into one growing buffer (as the
//! pipeline does) and as an `Iterator`. Both must give the same records and
//! malformed stretches, every item must consume input, and every record's
//! document must parse and render.
//!
//! The first input byte sets up the run, the rest is the dump. Bits 0-1
//! choose the record size limit (a small one takes the "too large: skipped"
//! paths); bits 2-7 where the input is cut into pieces. `DumpReader` fills
//! its buffer with `read_to_end` on a 1 MB `take`, so short reads alone
//! never leave a record cut at the end of its buffer. The reader here also
//! stops with `WouldBlock` at every piece boundary, and the target calls
//! again (the reader resumes where it was), so each boundary is a buffer
//! boundary, as the end of each 1 MB chunk is in a large dump.
#![no_main]

mod common;

use std::io::{self, Read};

use cable_inspector::document::Publisher;
use cable_inspector::input::csv::{self, DumpReader, Item};
use cable_inspector::model::Source;
use libfuzzer_sys::fuzz_target;

/// Most boundaries in one run: as many 1 MB chunks as the largest record
/// the tool takes by default (256 MB) spans. Each boundary may rescan the
/// record in hand, so more would measure the target, not the reader.
const MAX_STOPS: usize = 256;

/// Hands out `data` a few bytes at a time, and stops once with
/// `WouldBlock` every `step` bytes (`step` 0: never).
struct Pieces<'a> {
    data: &'a [u8],
    at: usize,
    step: usize,
    next_stop: usize,
    stops: usize,
    reads: usize,
}

impl<'a> Pieces<'a> {
    fn new(data: &'a [u8], step: usize) -> Self {
        Pieces { data, at: 0, step, next_stop: step, stops: 0, reads: 0 }
    }

    fn stopping(&self) -> bool {
        self.step > 0 && self.stops < MAX_STOPS
    }
}

impl Read for Pieces<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.stopping() && self.at == self.next_stop && self.at < self.data.len() {
            self.stops += 1;
            self.next_stop += self.step;
            return Err(io::ErrorKind::WouldBlock.into());
        }
        let end = if self.stopping() { self.next_stop.min(self.data.len()) } else { self.data.len() };
        self.reads += 1;
        let short = 1 + self.reads * 7919 % 4096;
        let n = (end - self.at).min(buf.len()).min(short);
        buf[..n].copy_from_slice(&self.data[self.at..self.at + n]);
        self.at += n;
        Ok(n)
    }
}

/// An item, its fields as the `Iterator` gives them.
#[derive(Debug, PartialEq)]
enum Seen {
    Record { number: u64, offset: u64, fields: Vec<String> },
    Malformed { index: u64, offset: u64, reason: String },
}

/// What a record's document holds, owned.
#[derive(Debug, PartialEq)]
struct Doc {
    header: Option<String>,
    body: String,
    publisher: Publisher,
    source: Source,
    warnings: Vec<String>,
}

impl Doc {
    fn of(doc: &cable_inspector::Document) -> Doc {
        Doc {
            header: doc.header.as_ref().map(|h| h.to_string()),
            body: doc.body.to_string(),
            publisher: doc.publisher.clone(),
            source: doc.source.clone(),
            warnings: doc.warnings.clone(),
        }
    }
}

const PATH: &str = "cables.csv";

/// Checks what holds for any item, in either way of reading: it lies in
/// the input, after the one before it (every item consumes input).
fn check_offset(offset: u64, last: &mut Option<u64>, dump: &[u8]) {
    let at = usize::try_from(offset).expect("offset fits");
    assert!(at < dump.len(), "item at {at} beyond the input ({} bytes)", dump.len());
    assert!(last.is_none_or(|l| offset > l), "item at {offset} does not follow the one at {last:?}");
    *last = Some(offset);
}

fn check_malformed(offset: u64, dump: &[u8]) {
    let first = dump[usize::try_from(offset).expect("offset fits")];
    assert!(first != b'\n' && first != b'\r', "a malformed stretch starts at a blank line");
}

/// A read error: only the pieces reader's pause, and a bounded number of
/// them.
fn count_stop(e: &io::Error, stops: &mut usize) {
    assert_eq!(e.kind(), io::ErrorKind::WouldBlock, "only the pieces reader fails");
    *stops += 1;
    assert!(*stops <= MAX_STOPS);
}

/// Reads with `next_into`, as the pipeline does: the items, and with
/// `render`, each record's document (parsed and rendered on the way).
fn read_into(dump: &[u8], head: usize, step: usize, limit: usize, render: bool) -> (Vec<Seen>, Vec<Doc>) {
    let mut reader = DumpReader::new(Pieces::new(&dump[head..], step), dump[..head].to_vec(), limit);
    let (mut seen, mut docs, mut out) = (Vec::new(), Vec::new(), Vec::new());
    let (mut stops, mut last) = (0, None);
    loop {
        let before = out.len();
        let Some(item) = reader.next_into(&mut out) else { break };
        let item = match item {
            Ok(item) => item,
            Err(e) => {
                count_stop(&e, &mut stops);
                assert_eq!(out.len(), before, "an interrupted read appends no field");
                continue;
            }
        };
        assert!(seen.len() <= dump.len(), "more items than input bytes");
        match item {
            Item::Record(at) => {
                check_offset(at.offset, &mut last, dump);
                assert_eq!(dump[at.offset as usize], b'"', "a record starts with a quote");
                let mut end = before;
                for r in &at.fields {
                    assert!(end <= r.start && r.start <= r.end && r.end <= out.len(), "field {r:?} after {end}");
                    end = r.end;
                }
                assert_eq!(end, out.len(), "a record appends its fields and nothing else");
                let fields = at.fields.iter().map(|r| String::from_utf8_lossy(&out[r.clone()]).into_owned());
                seen.push(Seen::Record { number: at.number, offset: at.offset, fields: fields.collect() });
                if render {
                    let doc = at.document(&out, Some(PATH.to_string()));
                    common::parse_and_render(&doc);
                    docs.push(Doc::of(&doc));
                }
            }
            Item::Malformed { index, offset, reason } => {
                check_offset(offset, &mut last, dump);
                check_malformed(offset, dump);
                seen.push(Seen::Malformed { index, offset, reason });
            }
        }
    }
    assert_eq!(reader.consumed(), dump.len() as u64, "the reader read and consumed all input");
    (seen, docs)
}

/// Reads with the `Iterator`: its items and its records' documents.
fn read_iter(dump: &[u8], head: usize, step: usize, limit: usize) -> (Vec<Seen>, Vec<Doc>) {
    let reader = DumpReader::new(Pieces::new(&dump[head..], step), dump[..head].to_vec(), limit);
    let (mut seen, mut docs) = (Vec::new(), Vec::new());
    let mut stops = 0;
    for item in reader {
        let item = match item {
            Ok(item) => item,
            Err(e) => {
                count_stop(&e, &mut stops);
                continue;
            }
        };
        assert!(seen.len() <= dump.len(), "more items than input bytes");
        match item {
            Item::Record(record) => {
                seen.push(Seen::Record {
                    number: record.number,
                    offset: record.offset,
                    fields: record.fields.to_vec(),
                });
                docs.push(Doc::of(&record.into_document(Some(PATH.to_string()))));
            }
            Item::Malformed { index, offset, reason } => seen.push(Seen::Malformed { index, offset, reason }),
        }
    }
    (seen, docs)
}

fuzz_target!(|data: &[u8]| {
    let Some((&setup, dump)) = data.split_first() else {
        return;
    };
    if csv::looks_like_dump(dump) {
        assert_eq!(dump.first(), Some(&b'"'));
    }
    // 0 is below the reader's floor of 1 KB: it takes that.
    let limit = match setup & 3 {
        0 => 0,
        1 => 1500,
        _ => usize::MAX,
    };
    // 1, 2, 4, 9, 16, ... 31256 bytes; the first piece is the head.
    let k = usize::from(setup >> 2);
    let step = if k == 0 { 0 } else { 1 + k * k * k / 8 };
    let head = step.min(dump.len());

    let (seen, docs) = read_into(dump, head, step, limit, true);
    let (seen_iter, docs_iter) = read_iter(dump, head, step, limit);
    assert_eq!(seen, seen_iter, "next_into and the Iterator give the same items");
    assert_eq!(docs, docs_iter, "next_into and the Iterator give the same documents");

    // Where no record can be too large, the items must not depend on where
    // the buffer boundaries fall: the whole input as the head gives the same.
    if limit >= dump.len() {
        let (whole, _) = read_into(dump, dump.len(), 0, limit, false);
        assert_eq!(seen, whole, "the items do not depend on the buffer boundaries");
    }
});
