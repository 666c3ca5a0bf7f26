//! The progress bar of long runs: on stderr, only when stderr is a terminal,
//! and only once a run has lasted a moment (short runs never flash one).
//! Messages printed during a run go through it so they do not tear the bar.

use std::sync::OnceLock;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// How long a run goes before the bar appears.
const DELAY: Duration = Duration::from_millis(800);

pub struct Progress {
    bar: Option<ProgressBar>,
    started: Instant,
    shown: OnceLock<()>,
}

impl Progress {
    /// A bar over `total` input bytes (`None` when unknown), or no bar.
    pub fn new(enabled: bool, total: Option<u64>) -> Self {
        let bar = enabled.then(|| {
            let bar = ProgressBar::with_draw_target(total, ProgressDrawTarget::hidden());
            let template = if total.is_some() {
                "{bar:30} {bytes}/{total_bytes} {bytes_per_sec} ETA {eta} {msg}"
            } else {
                "{spinner} {bytes} {bytes_per_sec} {msg}"
            };
            if let Ok(style) = ProgressStyle::with_template(template) {
                bar.set_style(style);
            }
            bar
        });
        Progress { bar, started: Instant::now(), shown: OnceLock::new() }
    }

    /// No bar at all.
    pub fn none() -> Self {
        Progress::new(false, None)
    }

    /// Records `bytes` more input done and the cables written so far.
    pub fn advance(&self, bytes: u64, cables: u64) {
        let Some(bar) = &self.bar else { return };
        if self.started.elapsed() >= DELAY && self.shown.set(()).is_ok() {
            bar.set_draw_target(ProgressDrawTarget::stderr());
        }
        bar.inc(bytes);
        bar.set_message(format!("{cables} cables"));
    }

    /// Prints a line on stderr above the bar.
    pub fn println(&self, line: &str) {
        match &self.bar {
            Some(bar) if self.shown.get().is_some() => bar.suspend(|| eprintln!("{line}")),
            _ => eprintln!("{line}"),
        }
    }

    /// Removes the bar.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
