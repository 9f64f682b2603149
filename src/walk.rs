//! Turning the paths a user gives into the files to check: directories are walked (respecting
//! `.gitignore`, `.ignore` and hidden files, with the `ignore` crate) for prose files; files
//! named explicitly are always checked.

use std::path::{Path, PathBuf};

/// Extensions of the files a directory walk picks up.
pub const PROSE_EXTENSIONS: &[&str] = &["txt", "md", "markdown"];

/// A path that could not be walked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WalkError {
    pub path: String,
    pub message: String,
}

fn is_prose(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| PROSE_EXTENSIONS.iter().any(|p| p.eq_ignore_ascii_case(e)))
}

/// The files under `paths`, sorted and without duplicates, and the paths that failed.
pub fn collect(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<WalkError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for root in paths {
        if root.is_file() {
            files.push(root.clone());
            continue;
        }
        if !root.exists() {
            errors.push(WalkError {
                path: root.display().to_string(),
                message: "no such file or directory".into(),
            });
            continue;
        }
        let walker = ignore::WalkBuilder::new(root)
            .require_git(false)
            .sort_by_file_path(Ord::cmp)
            .build();
        for entry in walker {
            match entry {
                Ok(e) if e.file_type().is_some_and(|t| t.is_file()) && is_prose(e.path()) => {
                    files.push(e.into_path());
                }
                Ok(_) => {}
                Err(err) => errors.push(WalkError {
                    path: root.display().to_string(),
                    message: err.to_string(),
                }),
            }
        }
    }
    files.sort();
    files.dedup();
    (files, errors)
}

#[cfg(test)]
mod tests {
    use super::*;

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
    }
}
