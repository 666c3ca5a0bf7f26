//! Inputs to output on all cores, in input order, in bounded memory.
//!
//! One producer thread walks the inputs (files, folders, stdin) and streams
//! dump records, grouping work into numbered batches. Worker threads read,
//! parse and render each batch into bytes. The calling thread writes the
//! batches in order. A fixed number of batch tokens circulates from the
//! writer back to the producer, so no more than that many batches are ever
//! in memory, however large the input.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, Read, Write};
use std::ops::Range;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;
use std::sync::Arc;

use crossbeam_channel::{Receiver, Sender, bounded, unbounded};

use crate::document::Document;
use crate::filter::Filter;
use crate::input::csv::{self, DumpReader};
use crate::input::decode::NotText;
use crate::input::walk::{self, Entry};
use crate::input::{self, Input, ReadOptions};
use crate::model::{Cable, Format};
use crate::output::{Context, Renderer};
use crate::parse;
use crate::progress::Progress;

/// How the run goes.
pub struct Options {
    pub read: ReadOptions,
    /// Which parsed cables are printed.
    pub filter: Filter,
    pub threads: usize,
    /// Notes on skipped files and a count at the end, on stderr.
    pub verbose: bool,
    pub progress: Progress,
}

/// What a run did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    /// Cables printed.
    pub cables: u64,
    /// Cables read but left out by the filters.
    pub filtered: u64,
    pub failed: u64,
    pub skipped: u64,
    /// Output stopped because the reader of stdout went away.
    pub closed_pipe: bool,
}

/// Bytes read before deciding what an input is.
const HEAD: usize = 4096;
/// A batch is sent when it holds this many jobs...
const BATCH_JOBS: usize = 256;
/// ...or this many bytes of input.
const BATCH_BYTES: u64 = 256 << 10;
/// Batches in memory at once, per worker.
const TOKENS_PER_WORKER: usize = 3;

/// One unit of work.
enum Job {
    /// A file opened by the producer (its head read to check its form).
    File {
        path: String,
        file: File,
        head: Vec<u8>,
        in_folder: bool,
    },
    /// An input read whole (stdin that is not a dump).
    Bytes {
        name: String,
        bytes: Vec<u8>,
    },
    /// A dump record, its fields in the batch's `data`.
    Record {
        record: csv::RecordAt,
        path: Option<String>,
    },
    Failed {
        name: String,
        message: String,
    },
}

struct Batch {
    seq: u64,
    jobs: Vec<Job>,
    /// The fields of the batch's dump records, one after another.
    data: Vec<u8>,
    input_bytes: u64,
}

/// What a job gave, in order.
enum Piece {
    /// A rendered cable: its bytes in the batch's buffer.
    Cable(Range<usize>),
    /// A one-line error on stderr; the run fails.
    Error(String),
    /// A file in a folder that is not a cable; said under `--verbose`.
    Skipped(String),
    /// A cable the filters left out.
    Filtered,
}

struct Done {
    seq: u64,
    /// The rendered cables of the batch, one after another.
    data: Vec<u8>,
    pieces: Vec<Piece>,
    input_bytes: u64,
}

/// Groups jobs into batches and hands them on, one token each.
struct Batcher {
    jobs: Vec<Job>,
    /// Record fields of the batch being filled.
    data: Vec<u8>,
    bytes: u64,
    seq: u64,
    tx: Sender<Batch>,
    tokens: Receiver<()>,
    /// Emptied record buffers coming back from the workers.
    spare: Receiver<Vec<u8>>,
}

impl Batcher {
    /// Adds a job; false when the run is over (the writer stopped).
    fn push(&mut self, job: Job, bytes: u64) -> bool {
        self.jobs.push(job);
        self.bytes += bytes;
        // The first batch goes out early so output starts at once.
        let full =
            self.jobs.len() >= BATCH_JOBS || self.bytes >= BATCH_BYTES || (self.seq == 0 && self.jobs.len() >= 8);
        !full || self.flush()
    }

    fn flush(&mut self) -> bool {
        if self.jobs.is_empty() {
            return true;
        }
        if self.tokens.recv().is_err() {
            return false;
        }
        let mut data = self.spare.try_recv().unwrap_or_default();
        data.clear();
        std::mem::swap(&mut data, &mut self.data);
        let batch = Batch { seq: self.seq, jobs: std::mem::take(&mut self.jobs), data, input_bytes: self.bytes };
        self.seq += 1;
        self.bytes = 0;
        self.tx.send(batch).is_ok()
    }
}

fn failed(name: impl Into<String>, message: impl Into<String>) -> Job {
    Job::Failed { name: name.into(), message: message.into() }
}

/// Streams the records of a dump into the batcher.
fn stream_dump(reader: impl Read, head: Vec<u8>, path: Option<String>, opts: &ReadOptions, out: &mut Batcher) -> bool {
    let name = path.clone().unwrap_or_else(|| "<stdin>".to_string());
    let max_record = usize::try_from(opts.max_size).unwrap_or(usize::MAX);
    let mut dump = DumpReader::new(reader, head, max_record);
    while let Some(item) = dump.next_into(&mut out.data) {
        let (job, bytes) = match item {
            Ok(csv::Item::Record(record)) => {
                let size = record.size() as u64;
                (Job::Record { record, path: path.clone() }, size)
            }
            Ok(csv::Item::Malformed { index, offset, reason }) => {
                (failed(&name, format!("record {index} at byte {offset}: {reason}")), 0)
            }
            Err(e) => return out.push(failed(&name, format!("read error: {e}")), 0),
        };
        if !out.push(job, bytes) {
            return false;
        }
    }
    true
}

/// Opens a file, looks at its head, and queues it (a dump record by record).
fn produce_file(path: &Path, in_folder: bool, opts: &ReadOptions, out: &mut Batcher) -> bool {
    let name = path.display().to_string();
    let mut file = match File::open(path) {
        Ok(f) => f,
        Err(e) => return out.push(failed(&name, input::describe_io(e).to_string()), 0),
    };
    let head = match input::read_head(&mut file, HEAD) {
        Ok(h) => h,
        Err(e) => return out.push(failed(&name, input::describe_io(e).to_string()), 0),
    };
    let dump = match opts.format {
        Some(f) => f == Format::Csv,
        None => csv::looks_like_dump(&head),
    };
    if dump {
        return stream_dump(file, head, Some(name), opts, out);
    }
    let size = file.metadata().map_or(0, |m| m.len());
    out.push(Job::File { path: name, file, head, in_folder }, size)
}

/// The producer: every input, in order.
fn produce(inputs: &[Input], opts: &ReadOptions, out: &mut Batcher) {
    for input in inputs {
        let going = match input {
            Input::Stdin => produce_stdin(opts, out),
            Input::Path(path) => match std::fs::metadata(path) {
                Ok(meta) if meta.is_dir() => produce_folder(path, opts, out),
                Ok(_) => produce_file(path, false, opts, out),
                Err(e) => out.push(failed(input.display_name(), input::describe_io(e).to_string()), 0),
            },
        };
        if !going {
            return;
        }
    }
    out.flush();
}

fn produce_folder(dir: &Path, opts: &ReadOptions, out: &mut Batcher) -> bool {
    for entry in walk::walk(dir) {
        let going = match entry {
            Entry::File(path) => produce_file(&path, true, opts, out),
            Entry::Error { path, message } => out.push(failed(path, message), 0),
        };
        if !going {
            return false;
        }
    }
    true
}

fn produce_stdin(opts: &ReadOptions, out: &mut Batcher) -> bool {
    let mut stdin = io::stdin().lock();
    let head = match input::read_head(&mut stdin, HEAD) {
        Ok(h) => h,
        Err(e) => return out.push(failed("<stdin>", format!("cannot read: {e}")), 0),
    };
    let dump = match opts.format {
        Some(f) => f == Format::Csv,
        None => csv::looks_like_dump(&head),
    };
    if dump {
        return stream_dump(stdin, head, None, opts, out);
    }
    match input::read_rest(stdin, head, opts.max_size) {
        Ok(bytes) => {
            let size = bytes.len() as u64;
            out.push(Job::Bytes { name: "<stdin>".to_string(), bytes }, size)
        }
        Err(e) => out.push(failed("<stdin>", format!("{e:#}")), 0),
    }
}

/// Does the parse look like a cable at all? A text file in a folder that has
/// none of the parts of one (a README, notes) is skipped, not reported.
fn has_cable_parts(c: &Cable) -> bool {
    c.classification.is_some() || c.dtg.is_some() || c.routing.is_some() || c.subject.is_some() || !c.tags.is_empty()
}

/// Reads, parses and renders one job.
/// What every worker needs besides the job.
struct Work {
    read: ReadOptions,
    filter: Filter,
    renderer: Arc<dyn Renderer + Send + Sync>,
    /// Several inputs were named: line output shows ids.
    several_inputs: bool,
}

fn run_job(job: Job, data: &[u8], work: &Work, out: &mut Vec<u8>) -> Piece {
    let opts = &work.read;
    let (doc, in_folder, name) = match job {
        Job::Failed { name, message } => return Piece::Error(format!("cable: {name}: {message}")),
        Job::Record { record, path } => (record.document(data, path), false, String::new()),
        Job::Bytes { name, bytes } => match input::document_from_bytes(bytes, None, opts.format) {
            Ok(doc) => (doc, false, name),
            Err(e) => return Piece::Error(format!("cable: {name}: {e:#}")),
        },
        Job::File { path, file, head, in_folder } => {
            let doc = input::read_rest(file, head, opts.max_size)
                .and_then(|bytes| input::document_from_bytes(bytes, Some(path.clone()), opts.format));
            match doc {
                Ok(doc) => (doc, in_folder, path),
                // In a folder, what is not a cable is passed over.
                Err(e) if in_folder && e.downcast_ref::<NotText>().is_some() => {
                    return Piece::Skipped(format!("cable: {path}: skipped: {e:#}"));
                }
                Err(e) if in_folder && e.to_string().contains("not a cable page") => {
                    return Piece::Skipped(format!("cable: {path}: skipped: {e:#}"));
                }
                Err(e) => return Piece::Error(format!("cable: {path}: {e:#}")),
            }
        }
    };
    render(&doc, in_folder, &name, work, out)
}

fn render(doc: &Document, in_folder: bool, name: &str, work: &Work, out: &mut Vec<u8>) -> Piece {
    let cable = parse::parse(doc);
    if in_folder && !has_cable_parts(&cable) {
        return Piece::Skipped(format!("cable: {name}: skipped: no part of a cable found"));
    }
    if !work.filter.matches(&cable) {
        return Piece::Filtered;
    }
    // A folder or a dump always gives many cables.
    let multi = work.several_inputs || in_folder || doc.source.format == Format::Csv;
    let start = out.len();
    match work.renderer.render(&cable, Context { multi }, out) {
        Ok(()) => Piece::Cable(start..out.len()),
        Err(e) => {
            out.truncate(start);
            Piece::Error(format!("cable: {name}: cannot render: {e}"))
        }
    }
}

/// A worker: batches in, rendered batches out. A panic in one job (a bug)
/// becomes that job's error line instead of ending the run. Output buffers
/// come back from the writer to be filled again, so a long run touches the
/// same memory over and over instead of fresh pages.
fn work(rx: Receiver<Batch>, tx: Sender<Done>, recycled: Receiver<Vec<u8>>, spare: Sender<Vec<u8>>, work: &Work) {
    for batch in rx {
        let mut data = recycled.try_recv().unwrap_or_default();
        data.clear();
        data.reserve(batch.input_bytes as usize * 3 / 2);
        let mut pieces = Vec::with_capacity(batch.jobs.len());
        for job in batch.jobs {
            let start = data.len();
            let piece =
                catch_unwind(AssertUnwindSafe(|| run_job(job, &batch.data, work, &mut data))).unwrap_or_else(|panic| {
                    data.truncate(start);
                    let what = panic
                        .downcast_ref::<&str>()
                        .map(|s| s.to_string())
                        .or_else(|| panic.downcast_ref::<String>().cloned())
                        .unwrap_or_default();
                    Piece::Error(format!("cable: internal error, please report: {what}"))
                });
            pieces.push(piece);
        }
        let _ = spare.send(batch.data);
        if tx.send(Done { seq: batch.seq, data, pieces, input_bytes: batch.input_bytes }).is_err() {
            return;
        }
    }
}

/// Writes the pending run of rendered cables.
fn flush_range(out: &mut dyn Write, data: &[u8], pending: &mut Option<Range<usize>>) -> io::Result<()> {
    match pending.take() {
        Some(range) => out.write_all(&data[range]),
        None => Ok(()),
    }
}

/// Writes finished batches in order. Returns the summary; a closed stdout
/// ends the run early and quietly.
fn write_in_order(
    done: Receiver<Done>,
    tokens: Sender<()>,
    recycle: Sender<Vec<u8>>,
    out: &mut dyn Write,
    renderer: &dyn Renderer,
    opts: &Options,
) -> io::Result<Summary> {
    let mut summary = Summary::default();
    let mut separator = Vec::new();
    renderer.between(&mut separator)?;
    let mut header = Vec::new();
    renderer.header(&mut header)?;
    out.write_all(&header)?;
    let mut waiting: BTreeMap<u64, Done> = BTreeMap::new();
    let mut next = 0;
    for batch in done {
        waiting.insert(batch.seq, batch);
        while let Some(batch) = waiting.remove(&next) {
            next += 1;
            // Cables that follow each other in the buffer go out in one
            // write (no separator between them in JSON or tables), so the
            // output is not copied again into the writer's buffer.
            let mut pending: Option<Range<usize>> = None;
            for piece in batch.pieces {
                match piece {
                    Piece::Cable(range) => {
                        if summary.cables > 0 && !separator.is_empty() {
                            flush_range(out, &batch.data, &mut pending)?;
                            out.write_all(&separator)?;
                        }
                        pending = match pending.take() {
                            Some(p) if p.end == range.start => Some(p.start..range.end),
                            Some(p) => {
                                out.write_all(&batch.data[p])?;
                                Some(range)
                            }
                            None => Some(range),
                        };
                        summary.cables += 1;
                    }
                    Piece::Error(line) => {
                        // Keep stderr in step with what stdout has shown.
                        flush_range(out, &batch.data, &mut pending)?;
                        out.flush()?;
                        opts.progress.println(&line);
                        summary.failed += 1;
                    }
                    Piece::Filtered => summary.filtered += 1,
                    Piece::Skipped(line) => {
                        if opts.verbose {
                            opts.progress.println(&line);
                        }
                        summary.skipped += 1;
                    }
                }
            }
            flush_range(out, &batch.data, &mut pending)?;
            opts.progress.advance(batch.input_bytes, summary.cables);
            // The batch is written: its buffer goes back to the workers and
            // the producer may read another batch.
            let _ = recycle.send(batch.data);
            let _ = tokens.send(());
        }
    }
    out.flush()?;
    Ok(summary)
}

/// Runs the inputs through parse and render on `opts.threads` workers and
/// writes the results to `out` in input order.
///
/// The threads are not joined: when stdout closes early the run returns at
/// once, even while the producer still waits on a slow stdin, and the
/// process ends with the caller.
pub fn run(
    inputs: Vec<Input>,
    opts: &Options,
    renderer: Arc<dyn Renderer + Send + Sync>,
    out: &mut dyn Write,
) -> io::Result<Summary> {
    let workers = opts.threads.max(1);
    let in_flight = workers * TOKENS_PER_WORKER;
    let (batch_tx, batch_rx) = bounded::<Batch>(in_flight);
    let (done_tx, done_rx) = unbounded::<Done>();
    let (token_tx, token_rx) = bounded::<()>(in_flight);
    let (recycle_tx, recycle_rx) = unbounded::<Vec<u8>>();
    let (spare_tx, spare_rx) = unbounded::<Vec<u8>>();
    for _ in 0..in_flight {
        let _ = token_tx.send(());
    }
    let read = opts.read;
    let work = Arc::new(Work {
        read,
        filter: opts.filter.clone(),
        renderer: Arc::clone(&renderer),
        several_inputs: inputs.len() > 1,
    });
    std::thread::spawn(move || {
        let mut batcher = Batcher {
            jobs: Vec::new(),
            data: Vec::new(),
            bytes: 0,
            seq: 0,
            tx: batch_tx,
            tokens: token_rx,
            spare: spare_rx,
        };
        produce(&inputs, &read, &mut batcher);
    });
    for _ in 0..workers {
        let (rx, tx, shared) = (batch_rx.clone(), done_tx.clone(), Arc::clone(&work));
        let (recycled, spare) = (recycle_rx.clone(), spare_tx.clone());
        std::thread::spawn(move || self::work(rx, tx, recycled, spare, &shared));
    }
    drop(done_tx);
    match write_in_order(done_rx, token_tx, recycle_tx, out, renderer.as_ref(), opts) {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(Summary { closed_pipe: true, ..Default::default() }),
        other => other,
    }
}
