//! Runs the command: turn the command line into plain options, run the
//! pipeline over the inputs, and say how it went. An input that cannot be
//! read is reported on stderr in one line and the run goes on; a closed
//! stdout ends the run quietly.

use std::io::{self, BufWriter, IsTerminal, Write};
use std::sync::Arc;

use anyhow::{Context as _, Result};
use clap::CommandFactory;

use crate::cli::{Cli, ColorChoice, Command, CommonArgs};
use crate::exit::ExitCode;
use crate::filter::Filter;
use crate::input::{Input, ReadOptions};
use crate::output::Renderer;
use crate::output::json::JsonRenderer;
use crate::output::lines::LineRenderer;
use crate::output::part::Part;
use crate::output::table::TableRenderer;
use crate::output::text::TextRenderer;
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

/// A usage error found after clap: said like clap says its own, exit 2.
fn usage_error(message: &str) -> ExitCode {
    eprintln!("cable: {message}");
    ExitCode::Usage
}

/// The renderer the options ask for, or a usage error.
fn renderer(part: Part, args: &CommonArgs) -> Result<Arc<dyn Renderer + Send + Sync>, String> {
    if let Some(format) = args.format {
        let columns = if args.fields.is_empty() { part.default_columns() } else { args.fields.clone() };
        part.check_fields(&columns, true)?;
        return Ok(Arc::new(TableRenderer { format, part, columns }));
    }
    if args.json || args.pretty {
        part.check_fields(&args.fields, false)?;
        return Ok(Arc::new(JsonRenderer { pretty: args.pretty, part, fields: args.fields.clone() }));
    }
    if !args.fields.is_empty() {
        return Err("--fields needs --json or --format".to_string());
    }
    Ok(match part {
        Part::Whole => Arc::new(TextRenderer::new(report_width(args.width))),
        _ => Arc::new(LineRenderer { part }),
    })
}

fn filter(args: &CommonArgs) -> Filter {
    Filter {
        tags: args.tag.iter().map(|t| t.to_uppercase()).collect(),
        classification: args.classification.as_ref().map(|c| c.trim().to_uppercase()),
        from: args.from.clone(),
        to: args.to.clone(),
        origin: args.origin.as_ref().map(|o| o.to_lowercase()),
        grep: args.grep.clone(),
    }
}

/// Runs one cable subcommand over its inputs.
fn run_cables(part: Part, args: CommonArgs) -> Result<ExitCode> {
    let Some(inputs) = inputs(&args.files) else {
        return Ok(usage_error("no input: name cable files or folders, or pipe cables into stdin (see cable --help)"));
    };
    colored::control::set_override(use_color(args.color));
    let renderer = match renderer(part, &args) {
        Ok(r) => r,
        Err(message) => return Ok(usage_error(&message)),
    };
    let threads = args.threads.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let show_progress = !args.no_progress && io::stderr().is_terminal();
    let opts = Options {
        read: ReadOptions { format: args.input_format.map(Into::into), max_size: args.max_size },
        filter: filter(&args),
        threads,
        verbose: args.verbose,
        progress: if show_progress { Progress::new(true, total_size(&inputs)) } else { Progress::none() },
    };
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let summary = pipeline::run(inputs, &opts, renderer, &mut out).context("cannot write output")?;
    opts.progress.finish();
    if summary.closed_pipe {
        return Ok(ExitCode::Success);
    }
    if args.verbose {
        let matched = if opts.filter.is_empty() {
            String::new()
        } else {
            format!(" ({} matched the filters, {} did not)", summary.cables, summary.filtered)
        };
        eprintln!(
            "cable: {} cables{matched}, {} failed, {} skipped",
            summary.cables + summary.filtered,
            summary.failed,
            summary.skipped
        );
    }
    Ok(if summary.failed > 0 { ExitCode::SomeFailed } else { ExitCode::Success })
}

/// Writes generated text (completions, man page) to stdout; a closed pipe
/// is not an error.
fn print_generated(write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> Result<ExitCode> {
    let stdout = io::stdout();
    let mut out = stdout.lock();
    match write(&mut out).and_then(|()| out.flush()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(e).context("cannot write output"),
        _ => Ok(ExitCode::Success),
    }
}

/// Runs the command line.
pub fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        None => run_cables(Part::Whole, cli.show),
        Some(Command::Show(args)) => run_cables(Part::Whole, args),
        Some(Command::Summary(args)) => run_cables(Part::Summary, args),
        Some(Command::Tags(args)) => run_cables(Part::Tags, args),
        Some(Command::Refs(args)) => run_cables(Part::Refs, args),
        Some(Command::Paragraphs(p)) => run_cables(Part::Paragraphs(p.number), p.common),
        Some(Command::Meta(args)) => run_cables(Part::Meta, args),
        Some(Command::Completions { shell }) => print_generated(|out| {
            clap_complete::generate(shell, &mut Cli::command(), "cable", out);
            Ok(())
        }),
        Some(Command::Man) => print_generated(|out| clap_mangen::Man::new(Cli::command()).render(out)),
    }
}
