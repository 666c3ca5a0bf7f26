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
