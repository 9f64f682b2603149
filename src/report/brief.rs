//! One line per finding: `path:line:column: severity[rule] message`. Stable and greppable; the
//! sample corpora's expected findings are written in it.

use std::io::{self, Write};

use crate::engine::Report;

pub fn write_brief(w: &mut dyn Write, report: &Report) -> io::Result<()> {
    for f in &report.findings {
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
