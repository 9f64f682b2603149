//! `concord.toml`: a desk's settings, kept beside its articles. Found by walking up from each
//! checked path; every value remembers the line it was set on, and anything unknown or
//! malformed is an error at its line and column.
//!
//! ```toml
//! glossaries = ["glossaries/house.json"]   # relative to this file
//! default-glossaries = true
//! default-lang = "en"                      # when identification is unsure
//! fail-on = "warning"
//! include = ["desk/**"]                    # directory walks keep only these…
//! exclude = ["**/drafts/**"]               # …and drop these
//!
//! [languages]                              # by path; the last matching pattern wins
//! "es/**" = "es"
//!
//! [pairs]
//! source-lang = "es"                       # story.es.txt is the source of story.en.txt
//! source-folder = "originals"              # originals/X is the source of <folder>/X
//!
//! [rules]
//! "name/glossary" = "off"
//! "number/style" = "info"
//!
//! [spell-out]
//! en = 9
//! fr = "off"
//! ```

use std::path::{Path, PathBuf};

use globset::{Glob, GlobBuilder, GlobMatcher};
use serde::Deserialize;
use toml::Spanned;

use crate::error::Error;
use crate::finding::Severity;
use crate::lang::LangTag;
use crate::text::LineIndex;

/// The file name looked for.
pub const FILE_NAME: &str = "concord.toml";

/// A value and the line of the configuration file that set it.
#[derive(Debug, Clone, PartialEq)]
pub struct Set<T> {
    pub value: T,
    pub line: usize,
}

/// What a `[rules]` entry does to a rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Off,
    Report(Severity),
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Off => "off",
            Level::Report(s) => s.as_str(),
        }
    }
}

/// A path pattern, relative to the configuration's folder.
#[derive(Debug, Clone)]
pub struct Pattern {
    pub glob: String,
    matcher: GlobMatcher,
}

impl Pattern {
    /// Whether `relative` (a path relative to the configuration's folder) matches.
    pub fn matches(&self, relative: &Path) -> bool {
        self.matcher.is_match(relative)
    }
}

/// A loaded `concord.toml`.
#[derive(Debug, Clone)]
pub struct Config {
    /// The file, as found or given.
    pub path: PathBuf,
    /// Its folder: relative paths and patterns are read from here.
    pub dir: PathBuf,
    pub glossaries: Vec<Set<PathBuf>>,
    pub default_glossaries: Option<Set<bool>>,
    pub default_lang: Option<Set<LangTag>>,
    pub fail_on: Option<Set<Option<Severity>>>,
    pub include: Vec<Set<Pattern>>,
    pub exclude: Vec<Set<Pattern>>,
    /// Languages by path pattern, in the file's order.
    pub languages: Vec<Set<(Pattern, LangTag)>>,
    pub source_lang: Option<Set<LangTag>>,
    pub source_folder: Option<Set<PathBuf>>,
    /// Rule id → what to do with it, in the file's order.
    pub rules: Vec<Set<(String, Level)>>,
    /// `LANG=N` settings for `number/style`, in the file's order.
    pub spell_out: Vec<Set<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Raw {
    glossaries: Option<Vec<Spanned<String>>>,
    default_glossaries: Option<Spanned<bool>>,
    default_lang: Option<Spanned<String>>,
    fail_on: Option<Spanned<String>>,
    include: Option<Vec<Spanned<String>>>,
    exclude: Option<Vec<Spanned<String>>>,
    languages: Option<Ordered<String>>,
    pairs: Option<RawPairs>,
    rules: Option<Ordered<String>>,
    spell_out: Option<Ordered<SpellOutValue>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawPairs {
    source_lang: Option<Spanned<String>>,
    source_folder: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum SpellOutValue {
    Number(i64),
    Word(String),
}

/// A table's entries in the order the file writes them, each with its key's and value's span.
struct Ordered<V>(Vec<(Spanned<String>, Spanned<V>)>);

impl<'de, V: Deserialize<'de>> Deserialize<'de> for Ordered<V> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit<V>(std::marker::PhantomData<V>);
        impl<'de, V: Deserialize<'de>> serde::de::Visitor<'de> for Visit<V> {
            type Value = Ordered<V>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a table")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Self::Value, A::Error> {
                let mut out = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    out.push(entry);
                }
                Ok(Ordered(out))
            }
        }
        d.deserialize_map(Visit(std::marker::PhantomData))
    }
}

impl Config {
    /// Reads and validates the configuration at `path`; `rule_ids` are the rules `[rules]` may
    /// name.
    pub fn load(path: &Path, rule_ids: &[&str]) -> Result<Config, Error> {
        let bytes = std::fs::read(path).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let text = match crate::text::decode(&bytes) {
            Ok((text, _)) => text,
            Err(e) => {
                return Err(Error::Config {
                    path: path.to_path_buf(),
                    position: e.position,
                    message: e.message,
                });
            }
        };
        Config::parse(path, &text, rule_ids)
    }

    /// Validates configuration text; `path` says where it lives (relative paths are read from
    /// its folder).
    pub fn parse(path: &Path, text: &str, rule_ids: &[&str]) -> Result<Config, Error> {
        let lines = LineIndex::new(text);
        let at = |offset: usize| {
            let mut o = offset.min(text.len());
            while !text.is_char_boundary(o) {
                o -= 1;
            }
            lines.position(text, o)
        };
        let err = |offset: usize, message: String| Error::Config {
            path: path.to_path_buf(),
            position: at(offset),
            message,
        };
        let line = |span: std::ops::Range<usize>| at(span.start).line;
        let raw: Raw = toml::from_str(text).map_err(|e| {
            let offset = e.span().map_or(0, |s| s.start);
            err(offset, e.message().trim_end().replace('\n', " "))
        })?;
        let dir = path
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."))
            .to_path_buf();
        // Paths as messages show them: "house.json" beside a concord.toml in the working
        // directory, not "./house.json".
        let join = |p: &str| {
            if dir == Path::new(".") {
                PathBuf::from(p)
            } else {
                dir.join(p)
            }
        };
        let tag = |s: &Spanned<String>| {
            LangTag::parse(s.get_ref()).map_err(|e| err(s.span().start, e.to_string()))
        };
        let pattern = |s: &Spanned<String>| {
            let glob = s.get_ref().trim_start_matches("./");
            GlobBuilder::new(glob)
                .literal_separator(true)
                .build()
                .map(|g: Glob| Pattern {
                    glob: glob.to_string(),
                    matcher: g.compile_matcher(),
                })
                .map_err(|e| err(s.span().start, format!("not a path pattern: {}", e.kind())))
        };
        let patterns = |list: Option<Vec<Spanned<String>>>| -> Result<Vec<Set<Pattern>>, Error> {
            list.unwrap_or_default()
                .iter()
                .map(|s| {
                    Ok(Set {
                        value: pattern(s)?,
                        line: line(s.span()),
                    })
                })
                .collect()
        };
        let mut glossaries = Vec::new();
        for g in raw.glossaries.unwrap_or_default() {
            let file = join(g.get_ref());
            if !file.is_file() {
                return Err(err(
                    g.span().start,
                    format!(
                        "glossary {:?} not found (paths are relative to this file)",
                        g.get_ref()
                    ),
                ));
            }
            glossaries.push(Set {
                value: file,
                line: line(g.span()),
            });
        }
        let fail_on = match raw.fail_on {
            None => None,
            Some(s) => {
                let value = match s.get_ref().as_str() {
                    "never" => None,
                    other => Some(other.parse::<Severity>().map_err(|_| {
                        err(
                            s.span().start,
                            format!("fail-on is {other:?}: expected error, warning, info or never"),
                        )
                    })?),
                };
                Some(Set {
                    value,
                    line: line(s.span()),
                })
            }
        };
        let mut languages = Vec::new();
        for (k, v) in raw.languages.map(|o| o.0).unwrap_or_default() {
            languages.push(Set {
                value: (pattern(&k)?, tag(&v)?),
                line: line(k.span()),
            });
        }
        let (mut source_lang, mut source_folder) = (None, None);
        if let Some(p) = raw.pairs {
            if let Some(s) = p.source_lang {
                source_lang = Some(Set {
                    value: tag(&s)?,
                    line: line(s.span()),
                });
            }
            if let Some(s) = p.source_folder {
                let folder = join(s.get_ref());
                if !folder.is_dir() {
                    return Err(err(
                        s.span().start,
                        format!(
                            "source-folder {:?} is not a folder (paths are relative to this file)",
                            s.get_ref()
                        ),
                    ));
                }
                source_folder = Some(Set {
                    value: folder,
                    line: line(s.span()),
                });
            }
        }
        let mut rules = Vec::new();
        for (k, v) in raw.rules.map(|o| o.0).unwrap_or_default() {
            if !rule_ids.contains(&k.get_ref().as_str()) {
                return Err(err(
                    k.span().start,
                    format!(
                        "unknown rule {:?} (known: {})",
                        k.get_ref(),
                        rule_ids.join(", ")
                    ),
                ));
            }
            let level = match v.get_ref().as_str() {
                "off" => Level::Off,
                other => Level::Report(other.parse().map_err(|_| {
                    err(
                        v.span().start,
                        format!(
                            "{:?} is {other:?}: expected error, warning, info or off",
                            k.get_ref()
                        ),
                    )
                })?),
            };
            rules.push(Set {
                value: (k.into_inner(), level),
                line: line(v.span()),
            });
        }
        let mut spell_out = Vec::new();
        for (k, v) in raw.spell_out.map(|o| o.0).unwrap_or_default() {
            let n = match v.get_ref() {
                SpellOutValue::Number(n) if (0..=1000).contains(n) => n.to_string(),
                SpellOutValue::Word(w) if w == "off" => "off".to_string(),
                _ => {
                    return Err(err(
                        v.span().start,
                        format!(
                            "spell-out for {:?}: expected a number from 0 to 1000 or \"off\"",
                            k.get_ref()
                        ),
                    ));
                }
            };
            let setting = format!("{}={n}", tag(&k)?);
            // Validated as the command line would be.
            crate::checks::SpellOut::default()
                .set(&setting)
                .map_err(|e| err(k.span().start, e))?;
            spell_out.push(Set {
                value: setting,
                line: line(k.span()),
            });
        }
        Ok(Config {
            path: path.to_path_buf(),
            dir,
            glossaries,
            default_glossaries: raw.default_glossaries.map(|s| Set {
                value: *s.get_ref(),
                line: line(s.span()),
            }),
            default_lang: raw
                .default_lang
                .map(|s| {
                    Ok(Set {
                        value: tag(&s)?,
                        line: line(s.span()),
                    })
                })
                .transpose()?,
            fail_on,
            include: patterns(raw.include)?,
            exclude: patterns(raw.exclude)?,
            languages,
            source_lang,
            source_folder,
            rules,
            spell_out,
        })
    }

    /// `path` relative to this configuration's folder, when it is inside it.
    pub fn relative(&self, path: &Path) -> Option<PathBuf> {
        let dir = std::path::absolute(&self.dir).ok()?;
        let path = std::path::absolute(path).ok()?;
        path.strip_prefix(&dir).ok().map(normalise)
    }

    /// The language `[languages]` gives `path`, with the pattern that gave it.
    pub fn language_of(&self, path: &Path) -> Option<(&LangTag, &str)> {
        let rel = self.relative(path)?;
        self.languages
            .iter()
            .rev()
            .find(|s| s.value.0.matches(&rel))
            .map(|s| (&s.value.1, s.value.0.glob.as_str()))
    }

    /// Whether a file found by walking a directory is to be checked (include, then exclude).
    pub fn selects(&self, path: &Path) -> bool {
        let Some(rel) = self.relative(path) else {
            return true;
        };
        let included =
            self.include.is_empty() || self.include.iter().any(|p| p.value.matches(&rel));
        included && !self.exclude.iter().any(|p| p.value.matches(&rel))
    }
}

/// A path without "." components, so that patterns see `es/a.txt`, not `./es/a.txt`.
fn normalise(path: &Path) -> PathBuf {
    path.components()
        .filter(|c| !matches!(c, std::path::Component::CurDir))
        .collect()
}

/// The nearest `concord.toml` at or above `start` (a file or a folder).
pub fn discover(start: &Path) -> Option<PathBuf> {
    let start = std::path::absolute(start).ok()?;
    let mut dir = if start.is_dir() {
        Some(start.as_path())
    } else {
        start.parent()
    };
    while let Some(d) = dir {
        let candidate = d.join(FILE_NAME);
        if candidate.is_file() {
            return Some(candidate);
        }
        dir = d.parent();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const RULES: &[&str] = &["name/glossary", "number/style"];

    fn parse(text: &str) -> Result<Config, String> {
        Config::parse(Path::new("desk/concord.toml"), text, RULES).map_err(|e| e.to_string())
    }

    #[test]
    fn every_setting_is_read_with_its_line() {
        let c = parse(
            "default-lang = \"es\"\nfail-on = \"never\"\nexclude = [\"drafts/**\"]\n\n[languages]\n\"mx/**\" = \"es-MX\"\n\"**/*.txt\" = \"en\"\n\n[rules]\n\"number/style\" = \"info\"\n\"name/glossary\" = \"off\"\n\n[spell-out]\nfr = \"off\"\nen = 10\n",
        )
        .unwrap();
        assert_eq!(c.default_lang.as_ref().unwrap().value.as_str(), "es");
        assert_eq!(c.fail_on.as_ref().unwrap().value, None);
        assert_eq!(c.exclude[0].line, 3);
        assert_eq!(c.languages.len(), 2);
        assert_eq!(c.languages[0].line, 6);
        assert_eq!(
            c.rules
                .iter()
                .map(|r| (r.value.0.as_str(), r.value.1))
                .collect::<Vec<_>>(),
            [
                ("number/style", Level::Report(Severity::Info)),
                ("name/glossary", Level::Off)
            ]
        );
        assert_eq!(
            c.spell_out
                .iter()
                .map(|s| s.value.as_str())
                .collect::<Vec<_>>(),
            ["fr=off", "en=10"]
        );
        assert_eq!(c.spell_out[1].line, 15);
    }

    #[test]
    fn the_last_matching_language_pattern_wins() {
        let c = parse("[languages]\n\"**\" = \"en\"\n\"es/**\" = \"es\"\n").unwrap();
        assert_eq!(
            c.language_of(Path::new("desk/es/a.txt"))
                .unwrap()
                .0
                .as_str(),
            "es"
        );
        assert_eq!(
            c.language_of(Path::new("desk/fr/a.txt"))
                .unwrap()
                .0
                .as_str(),
            "en"
        );
        assert_eq!(c.language_of(Path::new("elsewhere/a.txt")), None);
        // `*` stays within a folder.
        let c = parse("exclude = [\"*.txt\"]\n").unwrap();
        assert!(!c.selects(Path::new("desk/a.txt")));
        assert!(c.selects(Path::new("desk/sub/a.txt")));
    }

    #[test]
    fn mistakes_are_errors_at_their_place() {
        let cases = [
            (
                "colour = 1\n",
                "desk/concord.toml:1:1: unknown field `colour`",
            ),
            (
                "[rules]\n\"name/glosary\" = \"off\"\n",
                "desk/concord.toml:2:1: unknown rule \"name/glosary\"",
            ),
            (
                "[rules]\n\"number/style\" = \"loud\"\n",
                "desk/concord.toml:2:18: \"number/style\" is \"loud\": expected error, warning, info or off",
            ),
            (
                "default-lang = \"english\"\n",
                "desk/concord.toml:1:16: invalid language tag",
            ),
            (
                "fail-on = \"sometimes\"\n",
                "desk/concord.toml:1:11: fail-on is \"sometimes\"",
            ),
            (
                "[spell-out]\nen = \"nine\"\n",
                "desk/concord.toml:2:6: spell-out for \"en\"",
            ),
            (
                "include = [\"a[\"]\n",
                "desk/concord.toml:1:12: not a path pattern",
            ),
            (
                "glossaries = [\"missing.json\"]\n",
                "desk/concord.toml:1:15: glossary \"missing.json\" not found",
            ),
            (
                "[pairs]\nsource = \"es\"\n",
                "desk/concord.toml:2:1: unknown field `source`",
            ),
            ("default-lang = \n", "desk/concord.toml:1:16:"),
        ];
        for (text, expected) in cases {
            let e = parse(text).unwrap_err();
            assert!(e.starts_with(expected), "{text:?}: {e}");
        }
    }
}
