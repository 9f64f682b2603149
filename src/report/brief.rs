//! One line per finding: `path:line:column: severity[rule] message`. Stable and greppable; the
//! sample corpora's expected findings are written in it.

use std::io::{self, Write};

use crate::engine::Report;
use crate::finding::Finding;

pub fn write_brief(w: &mut dyn Write, report: &Report) -> io::Result<()> {
    write_brief_findings(w, &report.findings)
}

/// Lines for some findings (one document's, in a streamed run).
pub fn write_brief_findings(w: &mut dyn Write, findings: &[Finding]) -> io::Result<()> {
    for f in findings {
        writeln!(
            w,
            "{}:{}:{}: {}[{}] {}",
            f.path,
            f.line,
            f.column,
            f.severity.as_str(),
            f.rule,
            f.message
        )?;
    }
    Ok(())
}
