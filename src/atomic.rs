//! Replacing a file's contents without damaging it: through a temporary file beside it and a
//! rename, keeping what a rename would otherwise lose (a symbolic link, hard links, owner,
//! group and mode) or refusing when it cannot be kept.

use std::fs::{self, File, Metadata};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// What a write may override.
#[derive(Debug, Clone, Copy, Default)]
pub struct WriteOptions {
    /// Rewrite a read-only file, and write a hard-linked file in place (keeping its links,
    /// at the price of atomicity).
    pub force: bool,
}

/// The mark in the names of temporary files: `.story.txt.concord-tmp.PID.RANDOM`.
const TMP_MARK: &str = ".concord-tmp.";

/// A temporary file older than this whose process cannot be asked about is taken as left by
/// a killed run.
const STALE_AFTER: Duration = Duration::from_secs(3600);

/// Writes `bytes` to `path` atomically (see [`WriteOptions`] for what `force` allows).
pub fn write(path: &Path, bytes: &[u8], options: WriteOptions) -> io::Result<()> {
    let mut file = AtomicFile::create(path, options)?;
    file.write_all(bytes)?;
    file.commit()
}

/// A file written piece by piece (a streamed report) to a temporary file beside its target and
/// put in place by [`AtomicFile::commit`], with the same checks and guarantees as [`write`]:
/// until then, and for ever if it is dropped, the target is untouched.
pub struct AtomicFile {
    target: PathBuf,
    dir: PathBuf,
    existing: Option<Metadata>,
    /// A hard-linked file under `--force`: the contents are copied into it on commit.
    in_place: bool,
    tmp: tempfile::NamedTempFile,
}

impl AtomicFile {
    /// Refuses what [`write`] refuses before anything is written.
    pub fn create(path: &Path, options: WriteOptions) -> io::Result<AtomicFile> {
        let target = resolve(path)?;
        let existing = match fs::metadata(&target) {
            Ok(meta) => Some(meta),
            Err(e) if e.kind() == io::ErrorKind::NotFound => None,
            Err(e) => return Err(e),
        };
        let mut in_place = false;
        if let Some(meta) = &existing {
            refuse_special(meta)?;
            if meta.permissions().readonly() && !options.force {
                return Err(refused("it is read-only (pass --force to rewrite it)"));
            }
            if links(meta) > 1 {
                if !options.force {
                    return Err(refused(&format!(
                        "it has {} hard links, which replacing it would split (pass --force to write it in place)",
                        links(meta)
                    )));
                }
                in_place = true;
            }
        }
        let dir = target
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."))
            .to_path_buf();
        let name = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        remove_stale(&dir, &name);
        let tmp = tempfile::Builder::new()
            .prefix(&format!(".{name}{TMP_MARK}{}.", std::process::id()))
            .rand_bytes(6)
            .tempfile_in(&dir)?;
        Ok(AtomicFile {
            target,
            dir,
            existing,
            in_place,
            tmp,
        })
    }

    /// Puts the file in place (or, for a hard-linked file under `--force`, copies it in).
    pub fn commit(mut self) -> io::Result<()> {
        self.tmp.flush()?;
        if self.in_place {
            let mut written = self.tmp.reopen()?;
            return write_in_place(&self.target, &mut written);
        }
        match &self.existing {
            Some(meta) => keep_owner_and_mode(self.tmp.as_file(), meta)?,
            None => default_mode(self.tmp.as_file())?,
        }
        self.tmp.as_file().sync_all()?;
        self.tmp.persist(&self.target).map_err(|e| e.error)?;
        // The rename is durable once the directory is.
        if let Ok(d) = File::open(&self.dir) {
            let _ = d.sync_all();
        }
        Ok(())
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.tmp.write(buf)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.tmp.flush()
    }
}

/// The file a path names: a symbolic link is followed (and kept), a dangling one refused.
fn resolve(path: &Path) -> io::Result<PathBuf> {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => fs::canonicalize(path)
            .map_err(|_| refused("it is a symbolic link to a file that does not exist")),
        _ => Ok(path.to_path_buf()),
    }
}

fn refused(why: &str) -> io::Error {
    io::Error::new(io::ErrorKind::PermissionDenied, format!("refused: {why}"))
}

/// A named pipe, a device, a socket or a directory is never replaced by a regular file.
fn refuse_special(meta: &Metadata) -> io::Result<()> {
    match special_kind(meta) {
        Some(kind) => Err(refused(&format!("it is {kind}, not a regular file"))),
        None => Ok(()),
    }
}

/// What a non-regular file is, for messages: "a named pipe (FIFO)", "a device"…
pub fn special_kind(meta: &Metadata) -> Option<&'static str> {
    let t = meta.file_type();
    if t.is_file() {
        return None;
    }
    if t.is_dir() {
        return Some("a directory");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return Some("a named pipe (FIFO)");
        }
        if t.is_char_device() || t.is_block_device() {
            return Some("a device");
        }
        if t.is_socket() {
            return Some("a socket");
        }
    }
    Some("not a regular file")
}

#[cfg(unix)]
fn links(meta: &Metadata) -> u64 {
    std::os::unix::fs::MetadataExt::nlink(meta)
}

#[cfg(not(unix))]
fn links(_: &Metadata) -> u64 {
    1
}

/// The new file gets the old one's owner, group and mode; if the owner cannot be kept, the
/// file is not replaced.
fn keep_owner_and_mode(file: &File, meta: &Metadata) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let now = file.metadata()?;
        if (now.uid(), now.gid()) != (meta.uid(), meta.gid()) {
            std::os::unix::fs::fchown(file, Some(meta.uid()), Some(meta.gid())).map_err(|e| {
                refused(&format!(
                    "its owner and group (uid {}, gid {}) could not be kept: {e}",
                    meta.uid(),
                    meta.gid()
                ))
            })?;
        }
    }
    file.set_permissions(meta.permissions())
}

/// A new file gets the mode any new file would (0666 less the umask), not the temporary
/// file's private 0600.
fn default_mode(file: &File) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mask = umask();
        file.set_permissions(fs::Permissions::from_mode(0o666 & !mask))?;
    }
    #[cfg(not(unix))]
    let _ = file;
    Ok(())
}

/// The process's umask, read from /proc where it is shown (Linux), else the usual 022.
#[cfg(unix)]
fn umask() -> u32 {
    fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("Umask:"))
                .and_then(|v| u32::from_str_radix(v.trim(), 8).ok())
        })
        .unwrap_or(0o022)
}

/// Truncates and rewrites a file through its own inode, so every hard link sees the change.
fn write_in_place(path: &Path, contents: &mut impl io::Read) -> io::Result<()> {
    let mut f = fs::OpenOptions::new().write(true).open(path).or_else(|e| {
        // --force on a read-only, hard-linked file: lift the write bit for the write only.
        let meta = fs::metadata(path)?;
        if !meta.permissions().readonly() {
            return Err(e);
        }
        let mut writable = meta.permissions();
        #[allow(clippy::permissions_set_readonly_false)]
        writable.set_readonly(false);
        fs::set_permissions(path, writable)?;
        let f = fs::OpenOptions::new().write(true).open(path);
        fs::set_permissions(path, meta.permissions())?;
        f
    })?;
    f.set_len(0)?;
    io::copy(contents, &mut f)?;
    f.sync_all()
}

/// Removes the temporary files of `name` left in `dir` by runs that were killed: their
/// process is gone (or, where that cannot be asked, they are old).
fn remove_stale(dir: &Path, name: &str) {
    let prefix = format!(".{name}{TMP_MARK}");
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(rest) = file_name.to_str().and_then(|n| n.strip_prefix(&prefix)) else {
            continue;
        };
        let pid = rest.split('.').next().and_then(|p| p.parse::<u32>().ok());
        if pid.is_some_and(|p| !alive(p, &entry)) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

fn alive(pid: u32, entry: &fs::DirEntry) -> bool {
    if pid == std::process::id() {
        return true;
    }
    let proc = Path::new("/proc");
    if proc.join("self").exists() {
        return proc.join(pid.to_string()).exists();
    }
    let age = entry
        .metadata()
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| SystemTime::now().duration_since(t).ok());
    age.is_none_or(|a| a < STALE_AFTER)
}

/// Whether a file name is one of concord's temporary files.
pub fn is_temporary(name: &str) -> bool {
    name.starts_with('.') && name.contains(TMP_MARK)
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::{MetadataExt, PermissionsExt};

    fn write_default(path: &Path, bytes: &[u8]) -> io::Result<()> {
        write(path, bytes, WriteOptions::default())
    }

    #[test]
    fn a_symlink_is_written_through_and_kept() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.txt");
        let link = dir.path().join("link.txt");
        fs::write(&real, "old").unwrap();
        std::os::unix::fs::symlink("real.txt", &link).unwrap();
        write_default(&link, b"new").unwrap();
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read_to_string(&real).unwrap(), "new");
        let dangling = dir.path().join("dangling.txt");
        std::os::unix::fs::symlink("missing.txt", &dangling).unwrap();
        let err = write_default(&dangling, b"x").unwrap_err();
        assert!(err.to_string().contains("symbolic link"), "{err}");
    }

    #[test]
    fn hard_links_are_refused_or_kept() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.txt");
        let b = dir.path().join("b.txt");
        fs::write(&a, "old").unwrap();
        fs::hard_link(&a, &b).unwrap();
        let err = write_default(&a, b"new").unwrap_err();
        assert!(err.to_string().contains("2 hard links"), "{err}");
        assert_eq!(fs::read_to_string(&b).unwrap(), "old");
        write(&a, b"new", WriteOptions { force: true }).unwrap();
        assert_eq!(fs::read_to_string(&b).unwrap(), "new");
        assert_eq!(fs::metadata(&a).unwrap().nlink(), 2);
    }

    #[test]
    fn mode_is_kept_and_read_only_needs_force() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        fs::write(&p, "old").unwrap();
        fs::set_permissions(&p, fs::Permissions::from_mode(0o640)).unwrap();
        write_default(&p, b"new").unwrap();
        assert_eq!(fs::metadata(&p).unwrap().mode() & 0o777, 0o640);
        fs::set_permissions(&p, fs::Permissions::from_mode(0o444)).unwrap();
        let err = write_default(&p, b"newer").unwrap_err();
        assert!(err.to_string().contains("read-only"), "{err}");
        assert_eq!(fs::read_to_string(&p).unwrap(), "new");
        write(&p, b"newer", WriteOptions { force: true }).unwrap();
        assert_eq!(fs::read_to_string(&p).unwrap(), "newer");
        assert_eq!(fs::metadata(&p).unwrap().mode() & 0o777, 0o444);
    }

    #[test]
    fn a_file_written_in_pieces_appears_only_when_committed() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("report.jsonl");
        fs::write(&p, "old").unwrap();
        let mut f = AtomicFile::create(&p, WriteOptions::default()).unwrap();
        f.write_all(b"one\n").unwrap();
        drop(f);
        assert_eq!(fs::read_to_string(&p).unwrap(), "old");
        let mut f = AtomicFile::create(&p, WriteOptions::default()).unwrap();
        f.write_all(b"one\n").unwrap();
        f.write_all(b"two\n").unwrap();
        assert_eq!(fs::read_to_string(&p).unwrap(), "old");
        f.commit().unwrap();
        assert_eq!(fs::read_to_string(&p).unwrap(), "one\ntwo\n");
        let names: Vec<_> = fs::read_dir(dir.path()).unwrap().flatten().collect();
        assert_eq!(names.len(), 1, "no temporary file is left");
    }

    #[test]
    fn a_new_file_gets_the_usual_mode() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("new.json");
        write_default(&p, b"{}").unwrap();
        assert_eq!(fs::metadata(&p).unwrap().mode() & 0o777, 0o666 & !umask());
    }

    #[test]
    fn a_fifo_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("pipe");
        let made = std::process::Command::new("mkfifo").arg(&p).status();
        if !made.is_ok_and(|s| s.success()) {
            return; // no mkfifo here: nothing to test against
        }
        let err = write_default(&p, b"x").unwrap_err();
        assert!(err.to_string().contains("named pipe"), "{err}");
    }

    #[test]
    fn temporary_files_of_killed_runs_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        fs::write(&p, "old").unwrap();
        // A pid that cannot be running: above the kernel's maximum.
        let stale = dir.path().join(format!(".a.txt{TMP_MARK}4194999.abcdef"));
        let other = dir.path().join(format!(".b.txt{TMP_MARK}4194999.abcdef"));
        fs::write(&stale, "half").unwrap();
        fs::write(&other, "half").unwrap();
        assert!(is_temporary(&stale.file_name().unwrap().to_string_lossy()));
        write_default(&p, b"new").unwrap();
        assert!(!stale.exists());
        assert!(
            other.exists(),
            "only the temporary files of the file written"
        );
        let names: Vec<_> = fs::read_dir(dir.path()).unwrap().flatten().collect();
        assert_eq!(names.len(), 2);
    }
}
