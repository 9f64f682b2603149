//! The run options the checks read: languages, rules, house style. They live apart from the
//! engine so that a check depends on what it may be asked, not on how runs are scheduled.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use crate::checks::SpellOut;
use crate::config::Config;
use crate::finding::Severity;
use crate::lang::LangTag;

/// How documents are read and which rules run.
#[derive(Debug, Clone)]
pub struct Options {
    /// Every document (every target, in bilingual mode) is in this language (`--lang`).
    pub lang: Option<LangTag>,
    /// The language of source texts when a container or file name does not say (`--source-lang`).
    pub source_lang: Option<LangTag>,
    /// The language used when a document's language is neither declared nor reliably detected.
    pub default_lang: LangTag,
    /// Rule ids not to report.
    pub disabled_rules: HashSet<String>,
    /// Severities that replace the checks' own, by rule id (a configuration's `[rules]`).
    pub severities: HashMap<String, Severity>,
    /// A configuration whose `[languages]` give documents their language by path.
    pub path_languages: Option<Arc<Config>>,
    /// Keep the text of every document with findings in the report (for printing snippets).
    pub keep_sources: bool,
    /// Gather every document's names for the corpus register and `name/corpus`.
    pub corpus_names: bool,
    /// House style for numbers: per language, the numbers to spell out (`--spell-out`).
    pub spell_out: SpellOut,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            lang: None,
            source_lang: None,
            default_lang: LangTag::parse("en").expect("en is a tag"),
            disabled_rules: HashSet::new(),
            severities: HashMap::new(),
            path_languages: None,
            keep_sources: false,
            corpus_names: true,
            spell_out: SpellOut::default(),
        }
    }
}
