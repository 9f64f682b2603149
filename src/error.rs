//! Typed errors of the library. The CLI turns them into one report at its edge.

use std::path::PathBuf;

/// A position in a text file, 1-based; columns count Unicode scalar values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

impl std::fmt::Display for Position {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{path}: cannot read")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}:{position}: {message}")]
    Decode {
        path: PathBuf,
        position: Position,
        message: String,
    },
    #[error("{path}:{position}: {message}")]
    Glossary {
        path: PathBuf,
        position: Position,
        message: String,
    },
    /// A `concord.toml` that cannot be used.
    #[error("{path}:{position}: {message}")]
    Config {
        path: PathBuf,
        position: Position,
        message: String,
    },
    /// A baseline file that cannot be used.
    #[error("{path}:{position}: {message}")]
    Baseline {
        path: PathBuf,
        position: Position,
        message: String,
    },
    /// A name register (`concord-register/1`) that cannot be used.
    #[error("{path}:{position}: {message}")]
    Register {
        path: PathBuf,
        position: Position,
        message: String,
    },
    #[error("invalid language tag {tag:?}: {reason}")]
    LanguageTag { tag: String, reason: String },
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
