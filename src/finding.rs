//! What a check reports: one type for every rule, printed by every reporter.

use serde::Serialize;

/// How serious a finding is. Ordered: `Info < Warning < Error`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl std::str::FromStr for Severity {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "info" => Ok(Severity::Info),
            "warning" => Ok(Severity::Warning),
            "error" => Ok(Severity::Error),
            _ => Err(format!(
                "unknown severity {s:?} (expected error, warning or info)"
            )),
        }
    }
}

/// Another place that explains a finding, such as the majority spelling of a name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Related {
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub text: String,
}

/// One problem at one place. Lines and columns are 1-based; columns count Unicode scalar
/// values; `end_column` points just past the last character; byte offsets are into the
/// document's UTF-8 text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub rule: &'static str,
    pub severity: Severity,
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub byte_start: usize,
    pub byte_end: usize,
    pub text: String,
    pub message: String,
    pub suggestions: Vec<String>,
    pub related: Vec<Related>,
    /// The replacement that resolves the finding, when there is exactly one and it is safe to
    /// make without a person (`concord check --fix`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<Fix>,
}

/// Replace `byte_start..byte_end` of the file (its decoded text) by `replacement`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fix {
    pub byte_start: usize,
    pub byte_end: usize,
    pub replacement: String,
}

impl Finding {
    /// The report order: path (component by component, the order a folder is walked in),
    /// line, column, rule, then the rest so that it is total.
    pub fn sort_key(&self) -> impl Ord + '_ {
        (
            std::path::Path::new(&self.path),
            self.line,
            self.column,
            self.rule,
            self.end_line,
            self.end_column,
            &self.message,
        )
    }
}

/// Sorts findings into report order.
pub fn sort(findings: &mut [Finding]) {
    findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
}
