use clap::Parser;

fn main() -> std::process::ExitCode {
    let cli = cable_inspector::cli::Cli::parse();
    match cable_inspector::app::run(cli) {
        Ok(code) => std::process::ExitCode::from(code.code()),
        Err(e) => {
            eprintln!("cable: error: {e:#}");
            std::process::ExitCode::from(cable_inspector::exit::ExitCode::SomeFailed.code())
        }
    }
}

// The parser makes many small strings; mimalloc serves them faster than the
// system allocator (measured in benches/run.sh).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
