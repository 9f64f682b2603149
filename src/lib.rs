//! concord checks translated news text for consistency: names and terms against multilingual
//! glossaries and within documents.
//!
//! The pipeline, one module per stage: [`text`] (bytes → text) → [`markup`] (prose and
//! segments) → [`document`] → [`token`] → [`glossary`] matching and [`names`] → [`checks`] →
//! [`finding`] → [`report`]. [`engine`] runs it over many inputs in parallel, with the
//! [`options`] the checks read.
//!
//! The library never prints; reporters write to the `Write` they are given.
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod atomic;
pub mod baseline;
pub mod bilingual;
mod chars;
pub mod checks;
pub mod config;
pub mod corpus;
mod data;
pub mod document;
pub mod engine;
pub mod error;
pub mod explain;
pub mod finding;
pub mod fix;
pub mod formats;
pub mod glossary;
pub mod html;
pub mod inputs;
pub mod lang;
pub mod limits;
pub mod markup;
pub mod names;
pub mod normalize;
pub mod numbers;
pub mod options;
pub mod origin;
pub mod report;
#[cfg(feature = "serve")]
pub mod serve;
pub mod stem;
pub mod stream;
pub mod suppress;
pub mod text;
pub mod token;
pub mod walk;
mod wordbreak;

pub use engine::{Engine, Input, Options, Report};
pub use error::Error;
pub use finding::{Finding, Severity};
