//! Turning the paths a user gives into the files to check: directories are walked (respecting
//! `.gitignore`, `.ignore` and hidden files, with the `ignore` crate) for prose files; files
//! named explicitly are always checked.

use std::path::{Path, PathBuf};

/// Extensions of the files a directory walk picks up: articles and bilingual containers.
pub const CHECKED_EXTENSIONS: &[&str] = &[
    "txt", "md", "markdown", "html", "htm", "xlf", "xliff", "tmx", "jsonl",
];

/// A path that could not be walked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WalkError {
    pub path: String,
    pub message: String,
}

fn is_prose(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| CHECKED_EXTENSIONS.iter().any(|p| p.eq_ignore_ascii_case(e)))
}

/// The files under `paths`, sorted and without duplicates (one file named twice, or by two
/// paths, is checked once), and the paths that failed.
pub fn collect(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<WalkError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for item in files_under(paths) {
        match item {
            Ok(f) => files.push(f),
            Err(e) => errors.push(e),
        }
    }
    (files, errors)
}

/// A lazily walked sequence of files.
type Walked = Box<dyn Iterator<Item = Result<PathBuf, WalkError>> + Send>;

/// The files under `paths` as [`collect`] lists them, found as they are asked for: each folder
/// is read when the walk reaches it, so a walk over millions of files holds one folder's
/// entries at a time. Files come in path order (component by component, as reports order
/// them); a path that fails comes as an error where the walk meets it.
pub fn files_under(paths: &[PathBuf]) -> impl Iterator<Item = Result<PathBuf, WalkError>> + Send {
    let walks: Vec<std::iter::Peekable<Walked>> = paths
        .iter()
        .map(|root| walk(root.clone()).peekable())
        .collect();
    // One root's walk meets each file once (links are not followed); only several roots can
    // name one file by two paths, so only then is each file's real path remembered.
    let seen = (paths.len() > 1).then(std::collections::HashSet::new);
    Merged {
        walks,
        last: None,
        seen,
    }
}

/// One root's files, sorted.
fn walk(root: PathBuf) -> Walked {
    let failed = |message: String| -> Walked {
        Box::new(std::iter::once(Err(WalkError {
            path: shown(&root),
            message,
        })))
    };
    let meta = match std::fs::metadata(&root) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return failed("no such file or directory".into());
        }
        Err(e) => return failed(e.to_string()),
    };
    if let Some(kind) = crate::atomic::special_kind(&meta).filter(|_| !meta.is_dir()) {
        return failed(format!(
            "{kind}, not a file: concord checks files and directories (pipe text to `-` for standard input)"
        ));
    }
    if meta.is_file() {
        return Box::new(std::iter::once(Ok(root)));
    }
    let root_shown = shown(&root);
    let walker = ignore::WalkBuilder::new(&root)
        .require_git(false)
        .sort_by_file_path(Ord::cmp)
        .build();
    Box::new(walker.filter_map(move |entry| match entry {
        Ok(e) if e.file_type().is_some_and(|t| t.is_file()) && is_prose(e.path()) => {
            Some(Ok(e.into_path()))
        }
        Ok(_) => None,
        Err(err) => Some(Err(WalkError {
            path: root_shown.clone(),
            message: err.to_string(),
        })),
    }))
}

/// Several sorted walks merged into one sorted sequence without duplicates (roots may overlap,
/// and a file may be named beside its folder, or by another path).
struct Merged {
    walks: Vec<std::iter::Peekable<Walked>>,
    last: Option<PathBuf>,
    /// The real paths met so far, when several roots are walked.
    seen: Option<std::collections::HashSet<PathBuf>>,
}

impl Iterator for Merged {
    type Item = Result<PathBuf, WalkError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            // Errors first, as they come; then the smallest next file of any walk.
            let heads: Vec<Option<&Result<PathBuf, WalkError>>> =
                self.walks.iter_mut().map(|w| w.peek()).collect();
            if let Some(i) = heads.iter().position(|h| matches!(h, Some(Err(_)))) {
                return self.walks[i].next();
            }
            let best = heads
                .iter()
                .enumerate()
                .filter_map(|(i, h)| match h {
                    Some(Ok(p)) => Some((p, i)),
                    _ => None,
                })
                .min()
                .map(|(_, i)| i);
            let file = match self.walks[best?].next() {
                Some(Ok(f)) => f,
                other => return other,
            };
            if self.last.as_ref() == Some(&file) {
                continue;
            }
            self.last = Some(file.clone());
            if let Some(seen) = &mut self.seen {
                let real = std::fs::canonicalize(&file).unwrap_or_else(|_| file.clone());
                if !seen.insert(real) {
                    continue;
                }
            }
            return Some(Ok(file));
        }
    }
}

/// A path as reports show it: control characters (a newline in a file name) and bytes that
/// are not UTF-8 escaped, so that one report line is one finding and nothing is lost.
pub fn shown(path: &Path) -> String {
    #[cfg(unix)]
    let bytes = std::os::unix::ffi::OsStrExt::as_bytes(path.as_os_str()).to_vec();
    #[cfg(not(unix))]
    let bytes = path.to_string_lossy().into_owned().into_bytes();
    let mut out = String::with_capacity(bytes.len());
    for chunk in bytes.utf8_chunks() {
        for c in chunk.valid().chars() {
            if c.is_control() {
                out.extend(c.escape_default());
            } else {
                out.push(c);
            }
        }
        for b in chunk.invalid() {
            out.push_str(&format!("\\x{b:02X}"));
        }
    }
    out
}

/// Splits files into source/translation pairs and files checked alone: `X.es.txt` is the
/// source of `X.en.txt` and `X.fr.txt` (same folder, name and extension) when `source_lang`
/// is `es`. A source without translations is checked alone.
pub fn pair_by_language(
    files: Vec<PathBuf>,
    source_lang: &crate::lang::LangTag,
) -> (Vec<(PathBuf, PathBuf)>, Vec<PathBuf>) {
    // (folder, name without the language, extension) of a file that declares its language.
    fn key(p: &Path) -> Option<(PathBuf, String, String, crate::lang::LangTag)> {
        let name = p.file_name()?.to_str()?;
        let lang = crate::lang::from_file_name(name)?;
        let (rest, ext) = name.rsplit_once('.')?;
        let (stem, _) = rest.rsplit_once('.')?;
        Some((
            p.parent().unwrap_or(Path::new("")).to_path_buf(),
            stem.to_string(),
            ext.to_string(),
            lang,
        ))
    }
    type Key = (PathBuf, String, String, crate::lang::LangTag);
    let keyed: Vec<(PathBuf, Option<Key>)> = files
        .into_iter()
        .map(|f| {
            let k = key(&f);
            (f, k)
        })
        .collect();
    let mut pairs = Vec::new();
    let mut paired_sources = std::collections::HashSet::new();
    for (source, sk) in keyed
        .iter()
        .filter(|(_, k)| k.as_ref().is_some_and(|k| k.3 == *source_lang))
    {
        let sk = sk.as_ref().map(|k| (&k.0, &k.1, &k.2));
        for (target, tk) in &keyed {
            if let Some(tk) = tk
                && Some((&tk.0, &tk.1, &tk.2)) == sk
                && tk.3 != *source_lang
            {
                pairs.push((source.clone(), target.clone()));
                paired_sources.insert(source.clone());
            }
        }
    }
    let paired_targets: std::collections::HashSet<&PathBuf> =
        pairs.iter().map(|(_, t)| t).collect();
    let alone = keyed
        .iter()
        .map(|(f, _)| f)
        .filter(|f| !paired_targets.contains(f) && !paired_sources.contains(*f))
        .cloned()
        .collect();
    (pairs, alone)
}

/// Splits files into source/translation pairs by folder: `SOURCE/X` is the source of
/// `OTHER/X` for every folder `OTHER` beside `source_folder` (the language part of the file
/// name aside: `es/a.es.txt` is the source of `en/a.en.txt`). Files with no counterpart are
/// checked alone.
pub fn pair_by_folder(
    files: Vec<PathBuf>,
    source_folder: &Path,
) -> (Vec<(PathBuf, PathBuf)>, Vec<PathBuf>) {
    let absolute = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let source_dir = absolute(source_folder);
    let Some(parent) = source_dir.parent().map(Path::to_path_buf) else {
        return (Vec::new(), files);
    };
    // A file's key: its path below the folder beside the source folder, without the
    // language in its name.
    let key = |p: &Path| -> Option<(bool, PathBuf)> {
        let abs = absolute(p);
        let rel = abs.strip_prefix(&parent).ok()?;
        let mut parts = rel.components();
        let top = parts.next()?;
        let rest: PathBuf = parts.collect();
        let name = rest.file_name()?.to_str()?;
        let plain = match crate::lang::from_file_name(name) {
            Some(lang) => name.replacen(&format!(".{lang}."), ".", 1),
            None => name.to_string(),
        };
        Some((
            Path::new(top.as_os_str()) == source_dir.strip_prefix(&parent).ok()?,
            rest.with_file_name(plain),
        ))
    };
    let keyed: Vec<(PathBuf, Option<(bool, PathBuf)>)> = files
        .into_iter()
        .map(|f| {
            let k = key(&f);
            (f, k)
        })
        .collect();
    let sources: std::collections::HashMap<&PathBuf, &PathBuf> = keyed
        .iter()
        .filter_map(|(f, k)| k.as_ref().filter(|k| k.0).map(|k| (&k.1, f)))
        .collect();
    let mut pairs = Vec::new();
    let mut alone = Vec::new();
    let mut paired = std::collections::HashSet::new();
    for (f, k) in &keyed {
        match k.as_ref().filter(|k| !k.0).and_then(|k| sources.get(&k.1)) {
            Some(source) => {
                pairs.push(((*source).clone(), f.clone()));
                paired.insert((*source).clone());
            }
            None => alone.push(f.clone()),
        }
    }
    alone.retain(|f| !paired.contains(f));
    (pairs, alone)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_sources_with_their_translations() {
        let files: Vec<PathBuf> = [
            "d/a.es.txt",
            "d/a.en.txt",
            "d/a.fr.txt",
            "d/b.es.txt",
            "d/c.en.txt",
            "e/a.en.txt",
            "d/a.en.md",
        ]
        .iter()
        .map(PathBuf::from)
        .collect();
        let (pairs, alone) = pair_by_language(files, &"es".parse().unwrap());
        let show = |p: &PathBuf| p.display().to_string();
        let pairs: Vec<(String, String)> = pairs.iter().map(|(s, t)| (show(s), show(t))).collect();
        assert_eq!(
            pairs,
            [
                ("d/a.es.txt".to_string(), "d/a.en.txt".to_string()),
                ("d/a.es.txt".to_string(), "d/a.fr.txt".to_string())
            ]
        );
        let alone: Vec<String> = alone.iter().map(show).collect();
        assert_eq!(
            alone,
            ["d/b.es.txt", "d/c.en.txt", "e/a.en.txt", "d/a.en.md"]
        );
    }

    #[test]
    fn pairs_translations_with_the_source_folder() {
        let files: Vec<PathBuf> = [
            "desk/es/a.es.txt",
            "desk/es/sub/b.txt",
            "desk/es/only.txt",
            "desk/en/a.en.txt",
            "desk/en/sub/b.txt",
            "desk/fr/a.txt",
            "desk/en/c.txt",
            "elsewhere/a.txt",
        ]
        .iter()
        .map(PathBuf::from)
        .collect();
        let (pairs, alone) = pair_by_folder(files, Path::new("desk/es"));
        let show = |p: &PathBuf| p.display().to_string();
        let pairs: Vec<(String, String)> = pairs.iter().map(|(s, t)| (show(s), show(t))).collect();
        assert_eq!(
            pairs,
            [
                (
                    "desk/es/a.es.txt".to_string(),
                    "desk/en/a.en.txt".to_string()
                ),
                (
                    "desk/es/sub/b.txt".to_string(),
                    "desk/en/sub/b.txt".to_string()
                ),
                ("desk/es/a.es.txt".to_string(), "desk/fr/a.txt".to_string()),
            ]
        );
        let alone: Vec<String> = alone.iter().map(show).collect();
        assert_eq!(
            alone,
            ["desk/es/only.txt", "desk/en/c.txt", "elsewhere/a.txt"]
        );
    }

    #[test]
    fn walks_prose_files_and_honours_gitignore() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path();
        std::fs::create_dir(p.join("sub")).unwrap();
        for f in [
            "a.en.txt",
            "b.md",
            "c.rs",
            "sub/d.es.txt",
            "skip.txt",
            ".hidden.txt",
        ] {
            std::fs::write(p.join(f), "x").unwrap();
        }
        std::fs::write(p.join(".gitignore"), "skip.txt\n").unwrap();
        let (files, errors) = collect(&[p.to_path_buf(), p.join("c.rs"), p.join("missing")]);
        let names: Vec<String> = files
            .iter()
            .map(|f| f.strip_prefix(p).unwrap().display().to_string())
            .collect();
        assert_eq!(names, ["a.en.txt", "b.md", "c.rs", "sub/d.es.txt"]);
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].message, "no such file or directory");
        // One file by two paths is one input.
        let (files, _) = collect(&[p.join("b.md"), p.join("sub/../b.md")]);
        assert_eq!(files.len(), 1);
    }

    #[test]
    fn paths_are_shown_escaped() {
        assert_eq!(shown(Path::new("a\nb.txt")), "a\\nb.txt");
        #[cfg(unix)]
        {
            use std::os::unix::ffi::OsStrExt;
            let p = Path::new(std::ffi::OsStr::from_bytes(b"bad\xFFname.txt"));
            assert_eq!(shown(p), "bad\\xFFname.txt");
        }
        assert_eq!(shown(Path::new("plain/été.txt")), "plain/été.txt");
    }
}
