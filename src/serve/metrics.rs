//! What `/metrics` exposes, in the Prometheus text format: requests by endpoint and status,
//! their latency, findings by rule, reloads by result and the glossaries in use.

use std::time::Duration;

use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::registry::Registry;

use super::catalog::Catalog;
use crate::finding::Finding;

pub use prometheus_client::encoding::prometheus_text::CONTENT_TYPE;

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RequestLabels {
    endpoint: &'static str,
    status: u16,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct EndpointLabels {
    endpoint: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RuleLabels {
    rule: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct ResultLabels {
    result: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct GlossaryLabels {
    glossary: String,
}

type Latency = Family<EndpointLabels, Histogram, fn() -> Histogram>;

pub struct Metrics {
    registry: Registry,
    requests: Family<RequestLabels, Counter>,
    latency: Latency,
    findings: Family<RuleLabels, Counter>,
    reloads: Family<ResultLabels, Counter>,
    in_flight: Gauge,
    generation: Gauge,
    entries: Family<GlossaryLabels, Gauge>,
}

/// Latency buckets from 0.5 ms to about 8 s, doubling.
fn latency_histogram() -> Histogram {
    Histogram::new(exponential_buckets(0.0005, 2.0, 15))
}

impl Metrics {
    pub fn new() -> Metrics {
        let mut registry = Registry::with_prefix("concord");
        let requests = Family::<RequestLabels, Counter>::default();
        let latency: Latency = Family::new_with_constructor(latency_histogram);
        let findings = Family::<RuleLabels, Counter>::default();
        let reloads = Family::<ResultLabels, Counter>::default();
        let in_flight = Gauge::default();
        let generation = Gauge::default();
        let entries = Family::<GlossaryLabels, Gauge>::default();
        registry.register(
            "http_requests",
            "HTTP requests answered, by endpoint and status",
            requests.clone(),
        );
        registry.register(
            "http_request_duration_seconds",
            "Time from a request's arrival to its answer, by endpoint",
            latency.clone(),
        );
        registry.register(
            "findings",
            "Findings reported, by rule (after a request's rule overrides)",
            findings.clone(),
        );
        registry.register(
            "reloads",
            "Glossary reloads, by result (ok, failed: the old glossaries stay in use)",
            reloads.clone(),
        );
        registry.register(
            "requests_in_flight",
            "Checking requests being read, waiting for a worker or checked",
            in_flight.clone(),
        );
        registry.register(
            "glossary_generation",
            "How many times the glossaries were loaded (1 at start)",
            generation.clone(),
        );
        registry.register(
            "glossary_entries",
            "Entries in each loaded glossary",
            entries.clone(),
        );
        Metrics {
            registry,
            requests,
            latency,
            findings,
            reloads,
            in_flight,
            generation,
            entries,
        }
    }

    pub fn request(&self, endpoint: &'static str, status: u16, took: Duration) {
        self.requests
            .get_or_create(&RequestLabels { endpoint, status })
            .inc();
        self.latency
            .get_or_create(&EndpointLabels { endpoint })
            .observe(took.as_secs_f64());
    }

    pub fn findings(&self, findings: &[Finding]) {
        for f in findings {
            self.findings
                .get_or_create(&RuleLabels { rule: f.rule })
                .inc();
        }
    }

    pub fn reload(&self, result: Result<&Catalog, ()>) {
        let label = if result.is_ok() { "ok" } else { "failed" };
        self.reloads
            .get_or_create(&ResultLabels { result: label })
            .inc();
        if let Ok(catalog) = result {
            self.catalog(catalog);
        }
    }

    /// The glossaries now in use.
    pub fn catalog(&self, catalog: &Catalog) {
        self.generation.set(catalog.generation as i64);
        self.entries.clear();
        for g in &catalog.info {
            self.entries
                .get_or_create(&GlossaryLabels {
                    glossary: g.name.clone(),
                })
                .inc_by(g.entries as i64);
        }
    }

    /// The exposition, with the number of requests in flight as it is now.
    pub fn encode(&self, in_flight: usize) -> String {
        self.in_flight.set(in_flight as i64);
        let mut out = String::new();
        // Writing to a String cannot fail.
        let _ = prometheus_client::encoding::prometheus_text::encode(&mut out, &self.registry);
        out
    }
}
