//! `concord serve`: the pre-publish service. Flags in, a running service out; the service
//! itself lives in the library (`concord::serve`).

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use anyhow::bail;
use clap::Args;

use concord::serve::{self, Config, Limits, Setup};

use super::EXIT_CLEAN;
use super::settings::{self, Flags, Settings};

#[derive(Args)]
pub struct ServeArgs {
    /// Address to listen on (port 0 picks a free port; the address is printed on stderr)
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:8686")]
    listen: SocketAddr,
    /// Add a glossary (concord-glossary/1 JSON), read again on every reload; repeatable
    #[arg(long = "glossary", short = 'g', value_name = "FILE")]
    glossaries: Vec<PathBuf>,
    /// Do not load the glossaries shipped with concord
    #[arg(long)]
    no_default_glossaries: bool,
    /// Read this configuration instead of the concord.toml found from the working directory
    /// (read again on every reload)
    #[arg(long, value_name = "FILE", conflicts_with = "isolated")]
    config: Option<PathBuf>,
    /// Read no configuration file
    #[arg(long)]
    isolated: bool,
    /// Language used when a request gives none and identification is unreliable (default en)
    #[arg(long, value_name = "TAG")]
    default_lang: Option<String>,
    /// Do not report this rule unless a request turns it on; repeatable
    #[arg(long = "disable", value_name = "RULE")]
    disabled: Vec<String>,
    /// House style for numbers, as for `concord check` (`en=9`, `fr=off`); repeatable
    #[arg(long = "spell-out", value_name = "LANG=N")]
    spell_out: Vec<String>,
    /// Largest request body (bytes; K and M suffixes are KiB and MiB)
    #[arg(long, value_name = "SIZE", default_value = "4M", value_parser = parse_size)]
    max_body: usize,
    /// Largest text of one document: a text, a source or a target
    #[arg(long, value_name = "SIZE", default_value = "1M", value_parser = parse_size)]
    max_document: usize,
    /// Most documents in one batch
    #[arg(long, value_name = "N", default_value_t = 100)]
    max_documents: usize,
    /// Time a check may take once its request has arrived (`10s`, `500ms`); beyond it the
    /// answer is 503 with Retry-After
    #[arg(long, value_name = "DURATION", default_value = "10s", value_parser = parse_duration)]
    timeout: Duration,
    /// Time a client may take to send a request's headers (beyond it the connection is
    /// closed), and then its body (beyond it the answer is 408)
    #[arg(long, value_name = "DURATION", default_value = "10s", value_parser = parse_duration)]
    read_timeout: Duration,
    /// Checking requests in flight at once; more are answered 503 with Retry-After
    #[arg(long, value_name = "N", default_value_t = 64, value_parser = clap::value_parser!(u32).range(1..))]
    max_in_flight: u32,
    /// Threads that run checks (0: one per core)
    #[arg(long, value_name = "N", default_value_t = 0)]
    workers: usize,
    /// Turn on `POST /v1/reload`, which then requires `Authorization: Bearer TOKEN`
    /// (or set CONCORD_RELOAD_TOKEN, which keeps the token out of the process list)
    #[arg(long, value_name = "TOKEN")]
    reload_token: Option<String>,
}

fn parse_size(s: &str) -> Result<usize, String> {
    let (digits, unit) = match s.strip_suffix(['K', 'k']) {
        Some(d) => (d, 1 << 10),
        None => match s.strip_suffix(['M', 'm']) {
            Some(d) => (d, 1 << 20),
            None => (s, 1),
        },
    };
    digits
        .parse::<usize>()
        .ok()
        .and_then(|n| n.checked_mul(unit))
        .filter(|&n| n > 0)
        .ok_or_else(|| format!("expected a size such as 65536, 512K or 4M, got {s:?}"))
}

fn parse_duration(s: &str) -> Result<Duration, String> {
    let parsed = match s.strip_suffix("ms") {
        Some(ms) => ms.parse().ok().map(Duration::from_millis),
        None => s
            .strip_suffix('s')
            .unwrap_or(s)
            .parse()
            .ok()
            .map(Duration::from_secs),
    };
    parsed
        .filter(|d| !d.is_zero())
        .ok_or_else(|| format!("expected a duration such as 10s or 500ms, got {s:?}"))
}

/// What the service reads at start and on every reload: the configuration file, then the
/// glossaries it and the flags name.
fn setup(args: &ServeArgs) -> anyhow::Result<Setup> {
    let here = [PathBuf::from(".")];
    let config = settings::groups(&here, args.config.as_deref(), args.isolated)?
        .into_iter()
        .next()
        .and_then(|(config, _)| config);
    let flags = Flags {
        lang: None,
        source_lang: None,
        default_lang: args.default_lang.as_deref(),
        glossaries: &args.glossaries,
        no_default_glossaries: args.no_default_glossaries,
        fail_on: None,
        disabled: &args.disabled,
        spell_out: &args.spell_out,
    };
    let settings = Settings::resolve(&flags, config)?;
    let extra: Vec<PathBuf> = settings
        .glossaries
        .iter()
        .map(|g| g.value.clone())
        .collect();
    Ok(Setup {
        glossaries: super::load_glossaries(!settings.default_glossaries.value, &extra)?,
        options: settings.options()?,
    })
}

pub fn run(args: ServeArgs) -> anyhow::Result<i32> {
    let known = concord::checks::rule_ids();
    if let Some(rule) = args.disabled.iter().find(|r| !known.contains(&r.as_str())) {
        bail!(
            "--disable {rule}: unknown rule (known: {})",
            known.join(", ")
        );
    }
    let reload_token = args
        .reload_token
        .clone()
        .or_else(|| std::env::var("CONCORD_RELOAD_TOKEN").ok())
        .filter(|t| !t.is_empty());
    let config = Config {
        listen: args.listen,
        limits: Limits {
            max_body: args.max_body,
            max_document: args.max_document,
            max_documents: args.max_documents,
            read_timeout: args.read_timeout,
            timeout: args.timeout,
            max_in_flight: args.max_in_flight as usize,
        },
        workers: args.workers,
        reload_token,
    };
    // The whole chain of causes, as the CLI's own errors show it.
    let loader: serve::Loader = Box::new(move || setup(&args).map_err(|e| format!("{e:#}").into()));
    serve::run(config, loader, |event| eprintln!("concord serve: {event}"))?;
    Ok(EXIT_CLEAN)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_and_durations() {
        assert_eq!(parse_size("4M"), Ok(4 << 20));
        assert_eq!(parse_size("512k"), Ok(512 << 10));
        assert_eq!(parse_size("1000"), Ok(1000));
        assert!(parse_size("0").is_err() && parse_size("4G").is_err() && parse_size("").is_err());
        assert_eq!(parse_duration("10s"), Ok(Duration::from_secs(10)));
        assert_eq!(parse_duration("250ms"), Ok(Duration::from_millis(250)));
        assert_eq!(parse_duration("3"), Ok(Duration::from_secs(3)));
        assert!(parse_duration("0s").is_err() && parse_duration("fast").is_err());
    }
}
