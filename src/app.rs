//! Runs the command: turn the command line into plain options, run the
//! pipeline over the inputs, and say how it went. An input that cannot be
//! read is reported on stderr in one line and the run goes on; a closed
//! stdout ends the run quietly.

use std::io::{self, BufWriter, IsTerminal};
use std::sync::Arc;

use anyhow::{Context, Result};

use crate::cli::{Cli, ColorChoice};
use crate::exit::ExitCode;
use crate::input::{Input, ReadOptions};
use crate::output::{Renderer, json::JsonRenderer, text::TextRenderer};
use crate::pipeline::{self, Options};
use crate::progress::Progress;

/// Report width when stdout is not a terminal.
const DEFAULT_WIDTH: usize = 80;

/// Decides colour: `auto` colours only a terminal, and never with NO_COLOR.
fn use_color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
    }
}

fn report_width(requested: Option<usize>) -> usize {
    requested.unwrap_or_else(|| {
        if io::stdout().is_terminal() {
            terminal_size::terminal_size().map_or(DEFAULT_WIDTH, |(w, _)| w.0 as usize)
        } else {
            DEFAULT_WIDTH
        }
    })
}

/// The inputs named on the command line; stdin when none are named and
/// stdin is not a terminal.
fn inputs(files: &[String]) -> Option<Vec<Input>> {
    if files.is_empty() {
        return (!io::stdin().is_terminal()).then(|| vec![Input::Stdin]);
    }
    Some(files.iter().map(|f| Input::from_arg(f)).collect())
}

/// Total size of the named files, for the progress bar (`None` when a
/// folder or stdin makes it unknown).
fn total_size(inputs: &[Input]) -> Option<u64> {
    inputs.iter().try_fold(0u64, |sum, input| match input {
        Input::Path(p) => std::fs::metadata(p).ok().filter(|m| m.is_file()).map(|m| sum + m.len()),
        Input::Stdin => None,
    })
}

/// Runs the command line.
pub fn run(cli: Cli) -> Result<ExitCode> {
    let Some(inputs) = inputs(&cli.files) else {
        eprintln!("cable: no input: name cable files, or pipe a cable into stdin (see cable --help)");
        return Ok(ExitCode::Usage);
    };
    colored::control::set_override(use_color(cli.color));
    let renderer: Arc<dyn Renderer + Send + Sync> = if cli.json || cli.pretty {
        Arc::new(JsonRenderer { pretty: cli.pretty })
    } else {
        Arc::new(TextRenderer::new(report_width(cli.width)))
    };
    let threads = cli.threads.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let show_progress = !cli.no_progress && io::stderr().is_terminal();
    let opts = Options {
        read: ReadOptions { format: cli.input_format.map(Into::into), max_size: cli.max_size },
        threads,
        verbose: cli.verbose,
        progress: if show_progress { Progress::new(true, total_size(&inputs)) } else { Progress::none() },
    };
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let summary = pipeline::run(inputs, &opts, renderer, &mut out).context("cannot write output")?;
    opts.progress.finish();
    if summary.closed_pipe {
        return Ok(ExitCode::Success);
    }
    if cli.verbose {
        eprintln!("cable: {} cables, {} failed, {} skipped", summary.cables, summary.failed, summary.skipped);
    }
    Ok(if summary.failed > 0 { ExitCode::SomeFailed } else { ExitCode::Success })
}
