//! `concord.toml`: discovery, `--config`, `--isolated`, `--dump-config`, and errors at their
//! line and column.

mod common;

use common::{assert_matches_file, root, run, run_in, stderr, stdout};

const DESK: &str = "tests/data/config/desk";

fn brief(dir: &std::path::Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec!["check", "--format", "brief"];
    args.extend(extra);
    run_in(dir, &args, None)
}

#[test]
fn settings_come_from_the_nearest_concord_toml() {
    let out = brief(&root(), &[DESK]);
    // [rules] makes name/glossary a warning and turns number/style off; fail-on = "warning";
    // drafts/ is excluded; es/X is the source of en/X; the house glossary is loaded.
    assert_eq!(out.status.code(), Some(1));
    assert_matches_file(
        &stdout(&out),
        &root().join("tests/data/config/desk.expected"),
    );
}

#[test]
fn discovery_walks_up_from_each_path() {
    // From inside the desk, naming one file: the configuration above it still applies.
    let dir = root().join(DESK).join("wire");
    let out = brief(&dir, &["brief.txt"]);
    assert_eq!(
        stdout(&out),
        "brief.txt:1:1: warning[name/glossary] “Anthony Blinken” is deprecated: use “Antony Blinken” (news-names: antony-blinken)\n"
    );
    // A path outside the desk has no configuration: name/glossary is an error again.
    let out = brief(
        &root(),
        &[
            &format!("{DESK}/wire/brief.txt"),
            "tests/data/cli/talks.en.txt",
        ],
    );
    let text = stdout(&out);
    assert!(
        text.contains("brief.txt:1:1: warning[name/glossary]"),
        "{text}"
    );
    assert!(
        text.contains("talks.en.txt:3:39: error[name/glossary]"),
        "{text}"
    );
}

#[test]
fn isolated_ignores_the_configuration() {
    let out = brief(&root(), &["--isolated", DESK]);
    let text = stdout(&out);
    assert!(
        text.contains("drafts/notes.txt:1:8: error[name/glossary]"),
        "{text}"
    );
    assert!(
        !text.contains("Ministry of Finances"),
        "no house glossary: {text}"
    );
    assert!(!text.contains("number/mismatch"), "no pairs: {text}");
}

#[test]
fn config_flag_replaces_discovery() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("strict.toml");
    std::fs::write(&config, "[rules]\n\"name/glossary\" = \"off\"\n").unwrap();
    let out = brief(
        &root(),
        &[
            "--config",
            config.to_str().unwrap(),
            &format!("{DESK}/wire/brief.txt"),
        ],
    );
    assert_eq!(stdout(&out), "");
    assert_eq!(out.status.code(), Some(0));
    let missing = brief(&root(), &["--config", "missing.toml", DESK]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).starts_with("error: missing.toml: cannot read: "));
}

#[test]
fn command_line_flags_win_over_the_configuration() {
    let out = brief(
        &root(),
        &["--fail-on", "error", "--spell-out", "en=9", DESK],
    );
    // The findings are the same warnings, but only errors fail now: number/mismatch is one.
    assert_eq!(out.status.code(), Some(1));
    let out = brief(
        &root(),
        &["--fail-on", "error", "--disable", "number/mismatch", DESK],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
}

#[test]
fn dump_config_says_where_each_value_came_from() {
    let out = run_in(
        &root().join(DESK),
        &[
            "check",
            "--dump-config",
            "--fail-on",
            "info",
            "--disable",
            "name/corpus",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0));
    assert_matches_file(
        &stdout(&out),
        &root().join("tests/data/config/dump.expected"),
    );
    let out = run(&["check", "--dump-config", "--isolated", "tests/data/cli"]);
    assert!(
        stdout(&out).starts_with("# no concord.toml\nglossaries = []"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn mistakes_in_the_configuration_are_errors_at_their_place() {
    let cases = [
        (
            "lang = \"en\"\n",
            "concord.toml:1:1: unknown field `lang`, expected one of",
        ),
        (
            "[rules]\n\"name/glosary\" = \"off\"\n",
            "concord.toml:2:1: unknown rule \"name/glosary\" (known: align/uncertain,",
        ),
        (
            "[rules]\n\"name/glossary\" = \"silent\"\n",
            "concord.toml:2:19: \"name/glossary\" is \"silent\": expected error, warning, info or off",
        ),
        (
            "[languages]\n\"es/**\" = \"spanish\"\n",
            "concord.toml:2:11: invalid language tag \"spanish\"",
        ),
        (
            "fail-on = 3\n",
            "concord.toml:1:11: invalid type: integer `3`, expected a string",
        ),
        ("exclude = [\"drafts/**\"\n", "concord.toml:1:"),
    ];
    for (text, expected) in cases {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("concord.toml"), text).unwrap();
        std::fs::write(dir.path().join("a.en.txt"), "Talks.\n").unwrap();
        let out = run_in(dir.path(), &["check", "a.en.txt"], None);
        assert_eq!(out.status.code(), Some(2), "{text:?}");
        let err = stderr(&out);
        assert!(
            err.starts_with(&format!("error: {expected}")),
            "{text:?}: {err}"
        );
        assert_eq!(stdout(&out), "", "nothing is checked");
    }
}

#[test]
fn per_path_languages_and_suffix_pairs() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    std::fs::create_dir(p.join("mx")).unwrap();
    // No language in the name: the configuration's pattern gives it.
    std::fs::write(
        p.join("mx/cifras.txt"),
        "El déficit llegó a 1.500,5 millones de pesos.\n",
    )
    .unwrap();
    std::fs::write(
        p.join("nota.es.txt"),
        "El ministro llegó a Kiev el martes.\n",
    )
    .unwrap();
    std::fs::write(
        p.join("nota.en.txt"),
        "The minister arrived in Kiev on Wednesday.\n",
    )
    .unwrap();
    std::fs::write(
        p.join("concord.toml"),
        "[languages]\n\"mx/**\" = \"es-MX\"\n\n[pairs]\nsource-lang = \"es\"\n",
    )
    .unwrap();
    let out = run_in(p, &["check", "--format", "brief", "-v", "."], None);
    let text = stdout(&out);
    assert!(
        text.contains("./mx/cifras.txt:1:20: error[number/format] “1.500,5”"),
        "es-MX writes 1,500.5: {text}"
    );
    assert!(
        text.contains("./nota.en.txt:1:25: error[name/glossary] “Kiev”"),
        "{text}"
    );
    assert!(stderr(&out).contains(
        "note: ./mx/cifras.txt: language es-MX from the configuration's [languages] \"mx/**\""
    ));
    assert!(
        stderr(&out).contains(
            "note: ./nota.en.txt: language en from the file name, its source ./nota.es.txt"
        ),
        "paired by suffix: {}",
        stderr(&out)
    );
}
