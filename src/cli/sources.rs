//! The inputs of a run, as one sequence: folders walked as they are reached, standard input,
//! and the article pairs of a bilingual run. Standard input is read once: a stream of JSON
//! Lines records is read as its records are checked.

use std::io::{BufRead, BufReader, Read};
use std::path::PathBuf;
use std::sync::Mutex;

use anyhow::Context as _;

use concord::engine::{Input, Kind};
use concord::inputs::{self, Records};

/// The name standard input is reported under.
pub const STDIN: &str = "<stdin>";

/// What standard input holds, once looked at.
enum Stdin {
    None,
    /// Read whole: an article or a bilingual file.
    Bytes(Vec<u8>, Kind),
    /// JSON Lines records, read as they are checked (once only).
    Live(Mutex<Option<Box<dyn BufRead + Send>>>),
}

/// Where a run's inputs come from.
pub struct Sources {
    stdin: Stdin,
    /// Files and folders to walk, and the filter for the files found in folders.
    roots: Vec<PathBuf>,
    selects: Box<dyn Fn(&std::path::Path) -> bool + Send + Sync>,
    /// Inputs settled in advance (the pairs of a bilingual run and the files beside them).
    listed: Vec<Input>,
}

impl Sources {
    /// Standard input (when `-` is among the paths) of the given kind.
    pub fn new(
        read_stdin: bool,
        kind: Kind,
        selects: Box<dyn Fn(&std::path::Path) -> bool + Send + Sync>,
    ) -> anyhow::Result<Sources> {
        let stdin = if !read_stdin {
            Stdin::None
        } else if kind == Kind::Container(concord::formats::Container::Jsonl) {
            let (records, mut reader) = inputs::sniff(BufReader::new(std::io::stdin()))
                .context("reading standard input")?;
            if !records {
                let mut bytes = Vec::new();
                reader
                    .read_to_end(&mut bytes)
                    .context("reading standard input")?;
                Stdin::Bytes(bytes, kind)
            } else {
                Stdin::Live(Mutex::new(Some(Box::new(reader))))
            }
        } else {
            let mut bytes = Vec::new();
            std::io::stdin()
                .read_to_end(&mut bytes)
                .context("reading standard input")?;
            Stdin::Bytes(bytes, kind)
        };
        Ok(Sources {
            stdin,
            roots: Vec::new(),
            selects,
            listed: Vec::new(),
        })
    }

    /// Adds files and folders, walked when the inputs are read.
    pub fn walk(&mut self, roots: Vec<PathBuf>) {
        self.roots.extend(roots);
    }

    /// Adds inputs settled in advance, in the order given.
    pub fn list(&mut self, inputs: Vec<Input>) {
        self.listed.extend(inputs);
    }

    /// Standard input's bytes, when it was read whole.
    pub fn stdin_bytes(&self) -> Option<&[u8]> {
        match &self.stdin {
            Stdin::Bytes(b, _) => Some(b),
            _ => None,
        }
    }

    /// Whether the run has at most one document (so no name can be spelled unlike in others).
    pub fn single(&self) -> bool {
        let stdin = match &self.stdin {
            Stdin::None => 0,
            Stdin::Bytes(..) => 1,
            Stdin::Live(_) => 2,
        };
        let jsonl = |p: &PathBuf| {
            concord::formats::Container::from_path(p) == Some(concord::formats::Container::Jsonl)
        };
        let roots = self
            .roots
            .iter()
            .map(|r| if r.is_file() && !jsonl(r) { 1 } else { 2 })
            .sum::<usize>();
        stdin + roots + self.listed.len() <= 1
    }

    /// Every input, in order: standard input, the listed inputs, then the walked files.
    pub fn inputs(&self) -> anyhow::Result<Box<dyn Iterator<Item = Input> + Send + '_>> {
        let stdin: Box<dyn Iterator<Item = Input> + Send> = match &self.stdin {
            Stdin::None => Box::new(std::iter::empty()),
            Stdin::Bytes(bytes, kind) => Box::new(std::iter::once(Input::Bytes {
                name: STDIN.into(),
                bytes: bytes.clone(),
                kind: *kind,
            })),
            Stdin::Live(reader) => {
                let reader = reader
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .take()
                    .context("standard input was already read")?;
                Box::new(Records::new(STDIN, reader))
            }
        };
        let roots = &self.roots;
        let walked = concord::walk::files_under(roots).filter(move |f| match f {
            Ok(f) => roots.contains(f) || (self.selects)(f),
            Err(_) => true,
        });
        Ok(Box::new(
            stdin
                .chain(self.listed.iter().cloned())
                .chain(inputs::of_files(walked)),
        ))
    }
}
