//! Runs the command: read each input, parse it, render it. An input that
//! cannot be read is reported on stderr in one line and the run goes on; a
//! closed stdout ends the run quietly.

use std::io::{self, BufWriter, IsTerminal, Write};

use anyhow::Result;

use crate::cli::{Cli, ColorChoice};
use crate::exit::ExitCode;
use crate::input::{self, Input, ReadOptions};
use crate::output::{Renderer, json::JsonRenderer, text::TextRenderer};
use crate::parse;

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

/// Is this error a closed pipe on stdout?
fn is_broken_pipe(e: &io::Error) -> bool {
    e.kind() == io::ErrorKind::BrokenPipe
}

/// Runs the command line.
pub fn run(cli: Cli) -> Result<ExitCode> {
    let Some(inputs) = inputs(&cli.files) else {
        eprintln!("cable: no input: name cable files, or pipe a cable into stdin (see cable --help)");
        return Ok(ExitCode::Usage);
    };
    colored::control::set_override(use_color(cli.color));
    let mut renderer: Box<dyn Renderer> = if cli.json || cli.pretty {
        Box::new(JsonRenderer { pretty: cli.pretty })
    } else {
        Box::new(TextRenderer::new(report_width(cli.width)))
    };
    let opts = ReadOptions { format: cli.input_format.map(Into::into), max_size: cli.max_size };
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut code = ExitCode::Success;
    for input in &inputs {
        let doc = match input::read(input, &opts) {
            Ok(doc) => doc,
            Err(e) => {
                eprintln!("cable: {}: {e:#}", input.display_name());
                code = code.merge(ExitCode::SomeFailed);
                continue;
            }
        };
        let cable = parse::parse(&doc);
        match renderer.render(&cable, &mut out) {
            Ok(()) => {}
            Err(e) if is_broken_pipe(&e) => return Ok(code),
            Err(e) => return Err(anyhow::Error::new(e).context("cannot write output")),
        }
    }
    match out.flush() {
        Err(e) if is_broken_pipe(&e) => Ok(code),
        Err(e) => Err(anyhow::Error::new(e).context("cannot write output")),
        Ok(()) => Ok(code),
    }
}
