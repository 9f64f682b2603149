//! The glossaries and options the service checks with. They are loaded together, checked
//! whole and swapped as one `Arc`, so a request keeps the set it started with.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use rayon::prelude::*;
use serde::Serialize;
use sha2::{Digest, Sha256};

use super::error::ApiError;
use crate::engine::{Input, Text};
use crate::glossary::{FormatVersion, Glossary, GlossarySet};
use crate::lang::LangTag;
use crate::markup::Format;
use crate::{Engine, Options};

/// What a service loads at start and on every reload.
pub struct Setup {
    pub glossaries: GlossarySet,
    pub options: Options,
}

/// Loads the setup afresh: reads the glossary files (and whatever else configures a run).
pub type Loader =
    Box<dyn Fn() -> Result<Setup, Box<dyn std::error::Error + Send + Sync>> + Send + Sync>;

/// One loaded glossary, as `/v1/glossaries` lists it.
#[derive(Debug, Clone, Serialize)]
pub struct GlossaryInfo {
    pub name: String,
    pub origin: String,
    pub format: FormatVersion,
    /// The version its maintainers gave it, if any.
    pub version: Option<String>,
    /// A digest of its content: it changes exactly when the glossary does.
    pub digest: String,
    pub entries: usize,
    pub languages: Vec<LangTag>,
}

impl GlossaryInfo {
    fn of(origin: &str, g: &Glossary) -> GlossaryInfo {
        let mut languages: Vec<LangTag> = g
            .entries
            .iter()
            .flat_map(|e| e.terms.keys().cloned())
            .collect();
        languages.sort();
        languages.dedup();
        // A glossary is plain data: serialising it cannot fail.
        let canonical = serde_json::to_vec(g).unwrap_or_default();
        let digest = Sha256::digest(&canonical);
        let hex: String = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
        GlossaryInfo {
            name: g.name.clone(),
            origin: origin.to_string(),
            format: g.format,
            version: g.version.clone(),
            digest: format!("sha256:{hex}"),
            entries: g.entries.len(),
            languages,
        }
    }
}

/// Numbers, a date, a time and names: enough to touch every lazily built table.
const WARM_UP: &str = "On 3 March 2024 at 10:30, twelve ministers met Antony Blinken in Kyiv \
    and pledged $1.5 billion (€1,4 mil millones), 3.5% more than in the 1990s.";

/// Engines for glossary selections other than all, kept at most this many at once.
const MAX_SELECTIONS: usize = 16;

pub struct Catalog {
    /// 1 for the set loaded at start, one more for every successful reload.
    pub generation: u64,
    pub info: Vec<GlossaryInfo>,
    set: GlossarySet,
    options: Options,
    all: Arc<Engine>,
    selections: Mutex<HashMap<Vec<usize>, Arc<Engine>>>,
}

impl Catalog {
    /// Builds the engines' shared parts. The matchers of every glossary language are compiled
    /// now, and one sentence is checked in each language so that the tables built on first
    /// use are built too (in parallel, on the current pool): no request pays for them.
    pub fn build(setup: Setup, generation: u64) -> Catalog {
        let info = setup
            .glossaries
            .glossaries
            .iter()
            .map(|(origin, g)| GlossaryInfo::of(origin, g))
            .collect();
        let all = Arc::new(Engine::new(setup.glossaries.clone(), setup.options.clone()));
        all.glossaries()
            .languages()
            .into_par_iter()
            .for_each(|lang| {
                all.matcher(&lang);
                all.run(vec![Input::Text(Text {
                    name: "warm-up".into(),
                    text: WARM_UP.into(),
                    format: Format::Plain,
                    lang: Some(lang),
                })]);
            });
        Catalog {
            generation,
            info,
            set: setup.glossaries,
            options: setup.options,
            all,
            selections: Mutex::new(HashMap::new()),
        }
    }

    /// The engine for the glossaries named (every loaded one when `names` is `None`).
    pub fn engine(&self, names: Option<&[String]>) -> Result<Arc<Engine>, ApiError> {
        let Some(names) = names else {
            return Ok(self.all.clone());
        };
        let mut picked = Vec::new();
        for name in names {
            let before = picked.len();
            picked.extend((0..self.info.len()).filter(|&i| self.info[i].name == *name));
            if picked.len() == before {
                let known: Vec<&str> = self.info.iter().map(|g| g.name.as_str()).collect();
                return Err(ApiError::invalid(
                    "unknown_glossary",
                    format!(
                        "glossaries: no glossary named {name:?} is loaded (loaded: {})",
                        known.join(", ")
                    ),
                ));
            }
        }
        picked.sort_unstable();
        picked.dedup();
        if picked.len() == self.info.len() {
            return Ok(self.all.clone());
        }
        let mut cache = self.selections.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(engine) = cache.get(&picked) {
            return Ok(engine.clone());
        }
        if cache.len() >= MAX_SELECTIONS {
            cache.clear();
        }
        let mut set = GlossarySet::default();
        for &i in &picked {
            let (origin, g) = &self.set.glossaries[i];
            set.push(origin.clone(), g.clone());
        }
        let engine = Arc::new(Engine::new(set, self.options.clone()));
        cache.insert(picked, engine.clone());
        Ok(engine)
    }

    pub fn entries(&self) -> usize {
        self.info.iter().map(|g| g.entries).sum()
    }
}
