//! `concord check --fix` and `--diff`: exact rewrites, encodings kept, idempotent, atomic.

mod common;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{root, run_in, stderr, stdout};

const DESK: &str = "tests/data/cli/desk.json";

fn fix_in(dir: &Path, extra: &[&str]) -> std::process::Output {
    let desk = root().join(DESK);
    let mut args = vec![
        "check",
        "--no-default-glossaries",
        "-g",
        desk.to_str().unwrap(),
        "--format",
        "brief",
    ];
    args.extend(extra);
    run_in(dir, &args, None)
}

#[test]
fn fix_rewrites_deprecated_forms_and_keeps_everything_else() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    std::fs::write(p.join("a.en.txt"), "Anthony Blinken’s visit to Kiev.\r\nHe said: “Kiev is calm.”\r\nsanitary crises remain.\r\n").unwrap();
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend("Talks in Kiev.\n".encode_utf16().flat_map(u16::to_le_bytes));
    std::fs::write(p.join("b.en.txt"), &utf16).unwrap();
    std::fs::write(p.join("c.en.txt"), b"\xEF\xBB\xBFKIEV talks\n").unwrap();
    let out = fix_in(p, &["--fix", "--keep-quotes", "."]);
    assert_eq!(stderr(&out), "fixed 4 findings in 3 files\n");
    // What is left needs a person: the quoted form, and a term in an inflected form.
    assert_eq!(
        stdout(&out),
        "./a.en.txt:2:11: error[name/glossary] “Kiev” is deprecated: use “Kyiv” (desk: kyiv)\n"
    );
    assert_eq!(
        std::fs::read_to_string(p.join("a.en.txt")).unwrap(),
        "Antony Blinken’s visit to Kyiv.\r\nHe said: “Kiev is calm.”\r\nsanitary crises remain.\r\n"
    );
    let mut expected16 = vec![0xFF, 0xFE];
    expected16.extend("Talks in Kyiv.\n".encode_utf16().flat_map(u16::to_le_bytes));
    assert_eq!(std::fs::read(p.join("b.en.txt")).unwrap(), expected16);
    assert_eq!(
        std::fs::read(p.join("c.en.txt")).unwrap(),
        b"\xEF\xBB\xBFKyiv talks\n"
    );
    // A second run changes nothing.
    let again = fix_in(p, &["--fix", "--keep-quotes", "."]);
    assert_eq!(stderr(&again), "fixed 0 findings in 0 files\n");
}

#[test]
fn diff_prints_instead_of_writing() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.en.txt"), "One.\nTalks in Kiev.\nTwo.\n").unwrap();
    let out = fix_in(dir.path(), &["--diff", "a.en.txt"]);
    assert_eq!(
        stdout(&out),
        "--- a/a.en.txt\n+++ b/a.en.txt\n@@ -1,3 +1,3 @@\n One.\n-Talks in Kiev.\n+Talks in Kyiv.\n Two.\n"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("a.en.txt")).unwrap(),
        "One.\nTalks in Kiev.\nTwo.\n"
    );
}

#[test]
fn containers_are_fixed_with_their_escapes() {
    let dir = tempfile::tempdir().unwrap();
    let xlf = "<xliff version=\"1.2\"><file source-language=\"es\" target-language=\"en\"><body>\n<trans-unit id=\"1\"><source>En Kiev &amp; Járkov</source><target>In Kiev &amp; Kharkiv</target></trans-unit>\n</body></file></xliff>\n";
    std::fs::write(dir.path().join("a.xlf"), xlf).unwrap();
    let out = fix_in(dir.path(), &["--fix", "a.xlf"]);
    assert_eq!(
        stderr(&out),
        "fixed 1 finding in 1 file\n",
        "{}",
        stdout(&out)
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("a.xlf")).unwrap(),
        xlf.replace("In Kiev", "In Kyiv")
    );
}

#[test]
fn a_file_that_failed_to_read_is_never_fixed() {
    let dir = tempfile::tempdir().unwrap();
    let bad = b"Talks in Kiev \xFF.\n";
    std::fs::write(dir.path().join("bad.en.txt"), bad).unwrap();
    let out = fix_in(dir.path(), &["--fix", "."]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(std::fs::read(dir.path().join("bad.en.txt")).unwrap(), bad);
}

/// A fix run killed while it writes leaves every file whole: old or new, never half.
#[test]
fn killing_a_fix_run_leaves_no_half_written_file() {
    const FILES: usize = 3000;
    let old: String = "Talks in Kiev went on. ".repeat(40) + "\n";
    let new = old.replace("Kiev", "Kyiv");
    let mut midway = false;
    for _attempt in 0..3 {
        let dir = tempfile::tempdir().unwrap();
        for i in 0..FILES {
            std::fs::write(dir.path().join(format!("f{i:05}.en.txt")), &old).unwrap();
        }
        let desk = root().join(DESK);
        let mut child = Command::new(env!("CARGO_BIN_EXE_concord"))
            .args([
                "check",
                "--no-default-glossaries",
                "-g",
                desk.to_str().unwrap(),
                "--format",
                "brief",
                "--fix",
                "-j",
                "2",
                ".",
            ])
            .current_dir(dir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Wait for the first rewritten file, then kill at once.
        let first = dir.path().join("f00000.en.txt");
        let started = Instant::now();
        while started.elapsed() < Duration::from_secs(60) {
            if std::fs::read_to_string(&first).is_ok_and(|t| t != old)
                || child.try_wait().unwrap().is_some()
            {
                break;
            }
            std::thread::sleep(Duration::from_millis(1));
        }
        let _ = child.kill();
        let _ = child.wait();
        let (mut olds, mut news) = (0, 0);
        for i in 0..FILES {
            let text = std::fs::read_to_string(dir.path().join(format!("f{i:05}.en.txt"))).unwrap();
            if text == old {
                olds += 1;
            } else {
                assert_eq!(text, new, "file {i} is neither the old nor the new text");
                news += 1;
            }
        }
        if olds > 0 && news > 0 {
            midway = true;
            break;
        }
    }
    assert!(midway, "the run was never caught between two files");
}
