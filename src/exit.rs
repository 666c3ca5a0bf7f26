//! Exit codes as a small type with a merge rule: any failed input makes the
//! run's code 1. Usage errors (2) are clap's.

/// How a run ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitCode {
    Success,
    /// Some input could not be read; the others were processed.
    SomeFailed,
    /// Bad command line.
    Usage,
}

impl ExitCode {
    /// The code of a run made of two parts.
    pub fn merge(self, other: ExitCode) -> ExitCode {
        use ExitCode::*;
        match (self, other) {
            (Usage, _) | (_, Usage) => Usage,
            (SomeFailed, _) | (_, SomeFailed) => SomeFailed,
            _ => Success,
        }
    }

    pub fn code(self) -> u8 {
        match self {
            ExitCode::Success => 0,
            ExitCode::SomeFailed => 1,
            ExitCode::Usage => 2,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::ExitCode::*;

    #[test]
    fn failures_win() {
        assert_eq!(Success.merge(Success), Success);
        assert_eq!(Success.merge(SomeFailed), SomeFailed);
        assert_eq!(SomeFailed.merge(Success), SomeFailed);
        assert_eq!(SomeFailed.merge(Usage), Usage);
    }
}
