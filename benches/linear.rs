//! Parse time per MB from 10 KB to 100 MB, for an ordinary cable and for
//! pathological ones. A linear parser shows the same time per MB at every
//! size; a quadratic step shows as a time per MB that grows tenfold with
//! each size.
//!
//!     cargo bench --bench linear                   all sizes (a few minutes)
//!     LINEAR_MAX_MB=10 cargo bench --bench linear  stop at 10 MB
//!
//! Criterion reports throughput (MiB/s); the time per MB is its inverse.

use std::time::Duration;

use cable_inspector::input::{decode, detect, to_document};
use cable_inspector::output::text::wrap;
use cable_inspector::{Document, parse};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

const KB: usize = 1024;
const MB: usize = 1024 * KB;
const SIZES: [usize; 5] = [10 * KB, 100 * KB, MB, 10 * MB, 100 * MB];

const EXAMPLES: [&str; 3] =
    ["examples/08USUNNEWYORK314.md", "examples/09VALLETTA412.txt", "examples/10MONTEVIDEO55.html"];

/// The seed's header and front matter: every kind below is a cable body
/// after it.
const HEAD: &str = "VZCZCXYZ0000\nOO RUEHWEB\nDE RUCNDT #0314 0982354\nZNY CCCCC ZZH\nO 072354Z APR 08\n\
    FM USMISSION USUN NEW YORK\nTO RUEHC/SECSTATE WASHDC IMMEDIATE 4065\n\n\
    C O N F I D E N T I A L USUN NEW YORK 000314\n\nSIPDIS\n\nE.O. 12958: DECL: 04/07/2018\n\
    TAGS: PREL AORC KPAQ PTER UNSC KNNP\nSUBJECT: 1540: RUSSIANS QUESTION U.S. PROPOSALS\n\n\
    Classified By: Legal Minister Counselor Carolyn L. Willson, for reasons 1.4(b) and (d).\n\n";

fn document(text: String) -> Document<'static> {
    let text = decode::decode(text.into_bytes(), &mut Vec::new()).expect("generated text is text");
    let format = detect(&text);
    to_document(text, format).expect("generated text is a cable")
}

/// `HEAD`, then `unit(n)` for n = 0, 1, ... until the text reaches `size`.
fn grow(size: usize, mut unit: impl FnMut(usize) -> String) -> String {
    let mut text = String::with_capacity(size + 4 * KB);
    text.push_str(HEAD);
    let mut n = 0;
    while text.len() < size {
        text.push_str(&unit(n));
        n += 1;
    }
    text
}

/// The paragraphs of the examples, wrapped at 70 columns like the original
/// cables.
fn example_paragraphs() -> Vec<String> {
    EXAMPLES
        .iter()
        .flat_map(|path| {
            let bytes = std::fs::read(path).expect("example readable");
            parse(&document(String::from_utf8(bytes).expect("UTF-8 example"))).paragraphs
        })
        .map(|p| wrap(&p.text, 70, "", ""))
        .collect()
}

/// Makes a text of about the given size.
type Generator = Box<dyn Fn(usize) -> String>;

/// The input kinds, by name.
fn kinds() -> Vec<(&'static str, Generator)> {
    let paragraphs = example_paragraphs();
    vec![
        (
            "ordinary",
            Box::new(move |size| {
                grow(size, |n| format!("{}. (C) {}\n\n", n % 99 + 1, paragraphs[n % paragraphs.len()]))
            }),
        ),
        ("ref_lines", Box::new(|size| grow(size, |n| format!("REF: A. USUN {n} B. STATE 34975 C. 08 MOSCOW 869\n")))),
        (
            "page_breaks",
            Box::new(|size| {
                grow(size, |n| {
                    format!("the Committee's mandate for two years\nANKARA 00000691  {:03} OF 999\n", n % 999 + 1)
                })
            }),
        ),
        ("repeated_markers", Box::new(|size| grow(size, |_| format!("{}\n", "1. (C) ".repeat(146))))),
        ("line_without_spaces", Box::new(|size| grow(size, |_| "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-/".into()))),
        ("double_spaces", Box::new(|size| grow(size, |_| "word  SIPDIS  E.O.  ".into()))),
    ]
}

fn max_size() -> usize {
    std::env::var("LINEAR_MAX_MB").ok().and_then(|v| v.parse::<usize>().ok()).map_or(usize::MAX, |mb| mb * MB)
}

fn bench(c: &mut Criterion) {
    for (name, make) in kinds() {
        let mut group = c.benchmark_group(format!("linear/{name}"));
        for size in SIZES.into_iter().filter(|&s| s <= max_size()) {
            let doc = document(make(size));
            let bytes = doc.body.len() + doc.header.as_ref().map_or(0, |h| h.len());
            group.throughput(Throughput::Bytes(bytes as u64));
            // Big inputs take most of a second each: fewer, longer samples.
            if size >= 10 * MB {
                group.sample_size(10).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(20));
            } else {
                group.sample_size(20).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(3));
            }
            let label = if size >= MB { format!("{}MB", size / MB) } else { format!("{}KB", size / KB) };
            group.bench_with_input(BenchmarkId::from_parameter(label), &doc, |b, doc| {
                b.iter(|| parse(doc).paragraphs.len())
            });
        }
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
