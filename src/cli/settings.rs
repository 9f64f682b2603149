//! The settings of a `concord check` run: the command line over the nearest `concord.toml`
//! over the defaults, each value with where it came from (for `--dump-config`).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::Context as _;

use concord::Severity;
use concord::checks::SpellOut;
use concord::config::{self, Config, Level};
use concord::lang::LangTag;

/// Where a setting came from.
#[derive(Debug, Clone, PartialEq)]
pub enum From {
    Default,
    /// A line of the configuration file.
    Config(usize),
    /// A command-line flag.
    Flag(&'static str),
}

/// A setting and where it came from.
#[derive(Debug, Clone)]
pub struct Sourced<T> {
    pub value: T,
    pub from: From,
}

fn sourced<T>(value: T, from: From) -> Sourced<T> {
    Sourced { value, from }
}

/// What the command line says, before any configuration is read.
pub struct Flags<'a> {
    pub lang: Option<&'a str>,
    pub source_lang: Option<&'a str>,
    pub default_lang: Option<&'a str>,
    pub glossaries: &'a [PathBuf],
    pub no_default_glossaries: bool,
    pub fail_on: Option<Option<Severity>>,
    pub disabled: &'a [String],
    pub spell_out: &'a [String],
}

/// The effective settings for the inputs that share one configuration (or none).
pub struct Settings {
    pub config: Option<Arc<Config>>,
    pub lang: Option<Sourced<LangTag>>,
    pub source_lang: Option<Sourced<LangTag>>,
    pub source_folder: Option<Sourced<PathBuf>>,
    pub default_lang: Sourced<LangTag>,
    pub default_glossaries: Sourced<bool>,
    pub glossaries: Vec<Sourced<PathBuf>>,
    pub fail_on: Sourced<Option<Severity>>,
    /// Rule id → level, the configuration's then the flags'.
    pub rules: BTreeMap<String, Sourced<Level>>,
    /// `LANG=N` by language: the defaults, then the configuration's, then the flags'.
    pub spell_out: BTreeMap<String, Sourced<String>>,
}

fn tag(flag: &str, t: &str) -> anyhow::Result<LangTag> {
    LangTag::parse(t).with_context(|| format!("--{flag}"))
}

impl Settings {
    pub fn resolve(flags: &Flags<'_>, config: Option<Arc<Config>>) -> anyhow::Result<Settings> {
        let c = config.as_deref();
        let from_config = |line: usize| From::Config(line);
        let lang = flags
            .lang
            .map(|t| Ok::<_, anyhow::Error>(sourced(tag("lang", t)?, From::Flag("--lang"))))
            .transpose()?;
        let source_lang = match flags.source_lang {
            Some(t) => Some(sourced(tag("source-lang", t)?, From::Flag("--source-lang"))),
            None => c
                .and_then(|c| c.source_lang.as_ref())
                .map(|s| sourced(s.value.clone(), from_config(s.line))),
        };
        let default_lang = match (flags.default_lang, c.and_then(|c| c.default_lang.as_ref())) {
            (Some(t), _) => sourced(tag("default-lang", t)?, From::Flag("--default-lang")),
            (None, Some(s)) => sourced(s.value.clone(), from_config(s.line)),
            (None, None) => sourced(LangTag::parse("en")?, From::Default),
        };
        let default_glossaries = match (
            flags.no_default_glossaries,
            c.and_then(|c| c.default_glossaries.as_ref()),
        ) {
            (true, _) => sourced(false, From::Flag("--no-default-glossaries")),
            (false, Some(s)) => sourced(s.value, from_config(s.line)),
            (false, None) => sourced(true, From::Default),
        };
        let mut glossaries: Vec<Sourced<PathBuf>> = c
            .map(|c| &c.glossaries[..])
            .unwrap_or_default()
            .iter()
            .map(|g| sourced(g.value.clone(), from_config(g.line)))
            .collect();
        glossaries.extend(
            flags
                .glossaries
                .iter()
                .map(|g| sourced(g.clone(), From::Flag("-g"))),
        );
        let fail_on = match (flags.fail_on, c.and_then(|c| c.fail_on.as_ref())) {
            (Some(f), _) => sourced(f, From::Flag("--fail-on")),
            (None, Some(s)) => sourced(s.value, from_config(s.line)),
            (None, None) => sourced(Some(Severity::Error), From::Default),
        };
        let mut rules = BTreeMap::new();
        for r in c.map(|c| &c.rules[..]).unwrap_or_default() {
            rules.insert(r.value.0.clone(), sourced(r.value.1, from_config(r.line)));
        }
        for r in flags.disabled {
            rules.insert(r.clone(), sourced(Level::Off, From::Flag("--disable")));
        }
        let mut spell_out = BTreeMap::new();
        let mut put = |setting: &str, from: From| -> anyhow::Result<()> {
            // Validated (and the language canonicalised) as the check reads it.
            SpellOut::default()
                .set(setting)
                .map_err(|e| anyhow::anyhow!("--spell-out {setting}: {e}"))?;
            let (l, n) = setting.split_once('=').unwrap_or((setting, ""));
            let l = LangTag::parse(l.trim())?.primary().to_string();
            spell_out.insert(l.clone(), sourced(format!("{l}={}", n.trim()), from));
            Ok(())
        };
        for s in SpellOut::default().settings() {
            put(&s, From::Default)?;
        }
        for s in c.map(|c| &c.spell_out[..]).unwrap_or_default() {
            put(&s.value, from_config(s.line))?;
        }
        for s in flags.spell_out {
            put(s, From::Flag("--spell-out"))?;
        }
        Ok(Settings {
            source_folder: c
                .and_then(|c| c.source_folder.as_ref())
                .map(|s| sourced(s.value.clone(), from_config(s.line))),
            config,
            lang,
            source_lang,
            default_lang,
            default_glossaries,
            glossaries,
            fail_on,
            rules,
            spell_out,
        })
    }

    /// The run options these settings make (`keep_sources` aside).
    pub fn options(&self) -> anyhow::Result<concord::Options> {
        let mut spell_out = SpellOut::default();
        for s in self.spell_out.values() {
            spell_out.set(&s.value).map_err(anyhow::Error::msg)?;
        }
        let disabled_rules: std::collections::HashSet<String> = self
            .rules
            .iter()
            .filter(|(_, l)| l.value == Level::Off)
            .map(|(r, _)| r.clone())
            .collect();
        Ok(concord::Options {
            lang: self.lang.as_ref().map(|l| l.value.clone()),
            source_lang: self.source_lang.as_ref().map(|l| l.value.clone()),
            default_lang: self.default_lang.value.clone(),
            corpus_names: !disabled_rules.contains("name/corpus"),
            disabled_rules,
            severities: self
                .rules
                .iter()
                .filter_map(|(r, l)| match l.value {
                    Level::Report(s) => Some((r.clone(), s)),
                    Level::Off => None,
                })
                .collect(),
            path_languages: self.config.clone().filter(|c| !c.languages.is_empty()),
            keep_sources: false,
            spell_out,
        })
    }

    /// Whether a file found in a directory walk is checked: the configuration's include and
    /// exclude patterns.
    pub fn selects(&self, path: &Path) -> bool {
        self.config.as_ref().is_none_or(|c| c.selects(path))
    }

    /// The settings as a `concord.toml` would write them, each with where it came from.
    pub fn dump(&self) -> String {
        let config_name = self.config.as_ref().map(|c| c.path.display().to_string());
        let whence = |f: &From| match f {
            From::Default => "default".to_string(),
            From::Config(line) => format!("{}:{line}", config_name.as_deref().unwrap_or("")),
            From::Flag(flag) => (*flag).to_string(),
        };
        let mut lines: Vec<(String, String)> = Vec::new();
        let mut line = |text: String, from: String| lines.push((text, from));
        let quote = |s: &str| toml_string(s);
        match &config_name {
            Some(name) => line(format!("# from {name}"), String::new()),
            None => line("# no concord.toml".to_string(), String::new()),
        }
        let list = |items: &[Sourced<PathBuf>]| {
            let shown: Vec<String> = items
                .iter()
                .map(|g| quote(&g.value.display().to_string()))
                .collect();
            format!("[{}]", shown.join(", "))
        };
        let froms: Vec<String> = self.glossaries.iter().map(|g| whence(&g.from)).collect();
        line(
            format!("glossaries = {}", list(&self.glossaries)),
            if froms.is_empty() {
                "default".to_string()
            } else {
                dedup(froms).join(", ")
            },
        );
        line(
            format!("default-glossaries = {}", self.default_glossaries.value),
            whence(&self.default_glossaries.from),
        );
        if let Some(l) = &self.lang {
            line(
                format!("# lang = {}", quote(l.value.as_str())),
                whence(&l.from),
            );
        }
        line(
            format!("default-lang = {}", quote(self.default_lang.value.as_str())),
            whence(&self.default_lang.from),
        );
        line(
            format!(
                "fail-on = {}",
                quote(self.fail_on.value.map_or("never", Severity::as_str))
            ),
            whence(&self.fail_on.from),
        );
        let patterns = |list: &[config::Set<config::Pattern>]| {
            let shown: Vec<String> = list.iter().map(|p| quote(&p.value.glob)).collect();
            (
                format!("[{}]", shown.join(", ")),
                list.first()
                    .map_or("default".to_string(), |p| whence(&From::Config(p.line))),
            )
        };
        let empty = Vec::new();
        let (include, exclude) = match &self.config {
            Some(c) => (patterns(&c.include), patterns(&c.exclude)),
            None => (patterns(&empty), patterns(&empty)),
        };
        line(format!("include = {}", include.0), include.1);
        line(format!("exclude = {}", exclude.0), exclude.1);
        let languages = self
            .config
            .as_ref()
            .map(|c| &c.languages[..])
            .unwrap_or_default();
        if !languages.is_empty() {
            line(String::new(), String::new());
            line("[languages]".to_string(), String::new());
            for l in languages {
                line(
                    format!("{} = {}", quote(&l.value.0.glob), quote(l.value.1.as_str())),
                    whence(&From::Config(l.line)),
                );
            }
        }
        if self.source_lang.is_some() || self.source_folder.is_some() {
            line(String::new(), String::new());
            line("[pairs]".to_string(), String::new());
            if let Some(s) = &self.source_lang {
                line(
                    format!("source-lang = {}", quote(s.value.as_str())),
                    whence(&s.from),
                );
            }
            if let Some(s) = &self.source_folder {
                line(
                    format!("source-folder = {}", quote(&s.value.display().to_string())),
                    whence(&s.from),
                );
            }
        }
        line(String::new(), String::new());
        line("[rules]".to_string(), String::new());
        // Every rule, with its own severity unless the configuration or a flag set another.
        for rule in concord::checks::rules() {
            let (level, from) = match self.rules.get(rule.id) {
                Some(l) => (l.value, whence(&l.from)),
                None => (Level::Report(rule.severity), "default".to_string()),
            };
            line(
                format!("{} = {}", quote(rule.id), quote(level.as_str())),
                from,
            );
        }
        line(String::new(), String::new());
        line("[spell-out]".to_string(), String::new());
        for s in self.spell_out.values() {
            let (l, n) = s.value.split_once('=').unwrap_or((&s.value, "0"));
            let n = if n == "0" || n == "off" {
                quote("off")
            } else {
                n.to_string()
            };
            line(format!("{l} = {n}"), whence(&s.from));
        }
        let width = lines
            .iter()
            .filter(|(_, f)| !f.is_empty())
            .map(|(t, _)| t.chars().count())
            .max()
            .unwrap_or(0);
        let mut out = String::new();
        for (text, from) in lines {
            if from.is_empty() {
                let _ = writeln!(out, "{text}");
            } else {
                let pad = width - text.chars().count();
                let _ = writeln!(out, "{text}{}  # {from}", " ".repeat(pad));
            }
        }
        out
    }
}

fn dedup(mut v: Vec<String>) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    v.retain(|s| seen.insert(s.clone()));
    v
}

/// A TOML basic string.
fn toml_string(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_default()
}

/// Paths and the configuration they are checked with.
pub type Group = (Option<Arc<Config>>, Vec<PathBuf>);

/// The configuration each path is checked with: `--config FILE` for all, none with
/// `--isolated`, else the nearest `concord.toml` at or above each path (the working directory
/// for standard input). Paths that share a configuration are grouped, in the order given.
pub fn groups(
    paths: &[PathBuf],
    config: Option<&Path>,
    isolated: bool,
) -> anyhow::Result<Vec<Group>> {
    let rule_ids = concord::checks::rule_ids();
    let load =
        |p: &Path| -> anyhow::Result<Arc<Config>> { Ok(Arc::new(Config::load(p, &rule_ids)?)) };
    if isolated {
        return Ok(vec![(None, paths.to_vec())]);
    }
    if let Some(file) = config {
        return Ok(vec![(Some(load(file)?), paths.to_vec())]);
    }
    // (the file found, the configuration loaded from it, the paths it applies to)
    let mut groups: Vec<(Option<PathBuf>, Group)> = Vec::new();
    for p in paths {
        let start = if p.as_os_str() == "-" {
            Path::new(".")
        } else {
            p.as_path()
        };
        let found = config::discover(start);
        match groups.iter_mut().find(|g| g.0 == found) {
            Some(g) => g.1.1.push(p.clone()),
            None => {
                let loaded = found.as_deref().map(|f| load(&shown(f))).transpose()?;
                groups.push((found, (loaded, vec![p.clone()])));
            }
        }
    }
    Ok(groups.into_iter().map(|(_, g)| g).collect())
}

/// A discovered configuration's path as messages show it: relative to the working directory
/// when it is below it.
fn shown(found: &Path) -> PathBuf {
    std::env::current_dir()
        .ok()
        .and_then(|cwd| found.strip_prefix(cwd).ok().map(Path::to_path_buf))
        .unwrap_or_else(|| found.to_path_buf())
}
