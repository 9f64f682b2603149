//! What a conversion to or from another termbase format could not carry, reported instead of
//! silently dropped.

/// A note on a conversion: something the other format cannot hold, or that was ignored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loss {
    /// The entry concerned, when there is one.
    pub entry: Option<String>,
    pub message: String,
}

impl Loss {
    pub fn new(entry: Option<&str>, message: impl Into<String>) -> Loss {
        Loss {
            entry: entry.map(str::to_string),
            message: message.into(),
        }
    }
}

impl std::fmt::Display for Loss {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.entry {
            Some(e) => write!(f, "{e}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}
