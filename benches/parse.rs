//! Parser throughput on real cables: every text cable of the corpus (or the
//! examples when the corpus is absent), parsed in memory, and the JSON
//! rendering of the results. Run with `cargo bench --bench parse`.

use std::path::PathBuf;

use cable_inspector::input::{decode, detect, to_document};
use cable_inspector::output::{Renderer, json::JsonRenderer};
use cable_inspector::{Document, parse};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn documents() -> Vec<Document<'static>> {
    let corpus = std::env::var_os("CABLE_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"));
    let dir = if corpus.join("text").is_dir() { corpus.join("text") } else { PathBuf::from("examples") };
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    paths.sort();
    paths
        .into_iter()
        .filter_map(|p| {
            let text = decode::decode(std::fs::read(&p).ok()?, &mut Vec::new()).ok()?;
            let format = detect(&text);
            to_document(text, format).ok()
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let docs = documents();
    let bytes: usize = docs.iter().map(|d| d.body.len() + d.header.as_ref().map_or(0, |h| h.len())).sum();
    let mut group = c.benchmark_group("corpus");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(20);
    group.bench_function("parse", |b| b.iter(|| docs.iter().map(|d| parse(d).paragraphs.len()).sum::<usize>()));
    let cables: Vec<_> = docs.iter().map(parse).collect();
    group.bench_function("render_json", |b| {
        let mut out = Vec::with_capacity(bytes * 2);
        let r = JsonRenderer::whole(false);
        b.iter(|| {
            out.clear();
            for c in &cables {
                r.render(c, Default::default(), &mut out).unwrap();
            }
            out.len()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches, sonic);

fn bench_sonic(c: &mut Criterion) {
    let docs = documents();
    let bytes: usize = docs.iter().map(|d| d.body.len() + d.header.as_ref().map_or(0, |h| h.len())).sum();
    let cables: Vec<_> = docs.iter().map(parse).collect();
    let mut group = c.benchmark_group("corpus");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("render_sonic", |b| {
        let mut out = Vec::with_capacity(bytes * 2);
        b.iter(|| {
            out.clear();
            for c in &cables {
                sonic_rs::to_writer(&mut out, c).unwrap();
                out.push(b'\n');
            }
            out.len()
        })
    });
    group.finish();
}
criterion_group!(sonic, bench_sonic);
