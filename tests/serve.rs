//! `concord serve`: the real binary on an ephemeral loopback port, every endpoint, limit and
//! error, reloads under load and a graceful shutdown. Waits are for events, never for a time;
//! each has a generous guard so that a hang fails instead of blocking the run.

#![cfg(feature = "serve")]

mod common;
#[path = "common/http.rs"]
mod http;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use http::{Conn, GUARD, get, post_json, request};

struct Server {
    child: Child,
    addr: String,
    log: Receiver<String>,
}

impl Server {
    fn start(args: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_concord"))
            .args(["serve", "--listen", "127.0.0.1:0"])
            .args(args)
            .current_dir(common::root())
            .env_remove("CONCORD_RELOAD_TOKEN")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("concord serve starts");
        let (tx, log) = channel();
        let stderr = BufReader::new(child.stderr.take().expect("stderr is piped"));
        std::thread::spawn(move || {
            for line in stderr.lines().map_while(Result::ok) {
                let _ = tx.send(line);
            }
        });
        let mut server = Server {
            child,
            addr: String::new(),
            log,
        };
        let line = server.wait_log("listening on http://");
        server.addr = line
            .rsplit("http://")
            .next()
            .unwrap_or_default()
            .to_string();
        server
    }

    /// The next line of the log that contains `needle`.
    fn wait_log(&self, needle: &str) -> String {
        let end = Instant::now() + GUARD;
        loop {
            let left = end.saturating_duration_since(Instant::now());
            match self.log.recv_timeout(left) {
                Ok(line) if line.contains(needle) => return line,
                Ok(_) => continue,
                Err(e) => panic!("no log line with {needle:?} ({e})"),
            }
        }
    }

    fn signal(&self, name: &str) {
        let status = Command::new("kill")
            .arg(format!("-{name}"))
            .arg(self.child.id().to_string())
            .status()
            .expect("kill runs");
        assert!(status.success(), "kill -{name} failed");
    }

    fn health(&self) -> Value {
        get(&self.addr, "/v1/health").json()
    }

    /// Polls until `done` holds.
    fn wait_until(&self, what: &str, done: impl Fn(&Server) -> bool) {
        let end = Instant::now() + GUARD;
        while !done(self) {
            assert!(Instant::now() < end, "gave up waiting for {what}");
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    fn metric(&self, series: &str) -> Option<f64> {
        let text = get(&self.addr, "/metrics").body;
        text.lines()
            .find_map(|l| l.strip_prefix(series)?.strip_prefix(' ')?.parse().ok())
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `POST /v1/reload`, with this Authorization header if any.
fn reload(s: &Server, auth: Option<&str>) -> http::Response {
    let headers: Vec<(&str, &str)> = auth.map(|a| ("Authorization", a)).into_iter().collect();
    request(&s.addr, "POST", "/v1/reload", &headers, b"")
}

fn read(path: &str) -> String {
    std::fs::read_to_string(common::root().join(path)).expect("test data is readable")
}

/// What `concord check --format json ARGS` prints, parsed.
fn cli_json(args: &[&str]) -> Value {
    let mut all = vec!["check", "--format", "json"];
    all.extend_from_slice(args);
    let out = common::run_in(&common::root(), &all, None);
    serde_json::from_slice(&out.stdout).expect("the CLI prints JSON")
}

const ARTICLE: &str = "tests/data/serve/article.en.txt";

#[test]
fn answers_are_the_json_report_of_the_cli() {
    let s = Server::start(&[]);
    // One article: the same findings and summary as `concord check --format json`.
    let body = json!({"id": ARTICLE, "text": read(ARTICLE), "lang": "en"});
    let r = post_json(&s.addr, "/v1/check", &body.to_string());
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.header("content-type"), Some("application/json"));
    assert_eq!(r.json(), cli_json(&[ARTICLE]));
    assert_eq!(r.json()["summary"]["errors"], 2);

    // A translation and its source.
    let (src, tgt) = (
        "tests/data/bilingual/pair/summit.es.txt",
        "tests/data/bilingual/pair/summit.en.txt",
    );
    let body = json!({"id": tgt, "source": read(src), "target": read(tgt),
                      "source_lang": "es", "target_lang": "en"});
    let r = post_json(&s.addr, "/v1/check", &body.to_string());
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.json(), cli_json(&["--source", src, tgt]));

    // A batch: the corpus rule (name/corpus) compares the documents with one another.
    let mut paths: Vec<String> = std::fs::read_dir(common::root().join("tests/data/corpus"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| {
            format!(
                "tests/data/corpus/{}",
                p.file_name().unwrap().to_string_lossy()
            )
        })
        .collect();
    paths.sort();
    let documents: Vec<Value> = paths
        .iter()
        .map(|p| json!({"id": p, "text": read(p), "lang": "en"}))
        .collect();
    let r = post_json(
        &s.addr,
        "/v1/check/batch",
        &json!({"documents": documents}).to_string(),
    );
    assert_eq!(r.status, 200, "{}", r.body);
    let batch = r.json();
    assert_eq!(batch, cli_json(&["tests/data/corpus"]));
    assert!(
        batch["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["rule"] == "name/corpus")
    );
    assert_eq!(batch["summary"]["files"], paths.len());
}

#[test]
fn requests_choose_glossaries_rules_and_format() {
    let s = Server::start(&[]);
    let check = |extra: Value| {
        let mut body = json!({"text": read(ARTICLE), "lang": "en"});
        body.as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        let r = post_json(&s.addr, "/v1/check", &body.to_string());
        assert_eq!(r.status, 200, "{}", r.body);
        r.json()
    };
    let rules = |report: &Value| -> Vec<(String, String)> {
        report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                (
                    f["rule"].as_str().unwrap().into(),
                    f["severity"].as_str().unwrap().into(),
                )
            })
            .collect()
    };
    let glossary = || ("name/glossary".to_string(), "error".to_string());
    assert_eq!(rules(&check(json!({}))), [glossary(), glossary()]);
    assert_eq!(check(json!({}))["findings"][0]["path"], "document");
    assert_eq!(rules(&check(json!({"glossaries": []}))), []);
    assert_eq!(
        rules(&check(json!({"glossaries": ["news-terms", "countries"]}))),
        []
    );
    assert_eq!(
        rules(&check(json!({"glossaries": ["news-names"]}))),
        [glossary(), glossary()]
    );
    let lowered = check(json!({"rules": {"name/glossary": "info"}}));
    assert_eq!(rules(&lowered)[0].1, "info");
    assert_eq!(
        lowered["summary"],
        json!({"files": 1, "errors": 0, "warnings": 0, "infos": 2})
    );
    assert_eq!(
        rules(&check(json!({"rules": {"name/glossary": "off"}}))),
        []
    );

    // Markdown: inline code is not prose.
    let md = |format: &str| {
        let body = json!({"text": "The minister flew to `Kiev` on Monday.\n", "lang": "en", "format": format});
        post_json(&s.addr, "/v1/check", &body.to_string()).json()["summary"]["errors"].clone()
    };
    assert_eq!(md("plain"), 1);
    assert_eq!(md("markdown"), 0);
    // HTML: the page's text, not its markup.
    let page = |text: &str| {
        let body = json!({"text": text, "lang": "en", "format": "html"});
        post_json(&s.addr, "/v1/check", &body.to_string()).json()["findings"].clone()
    };
    let found =
        page("<html><body><p class=\"Kiev\">Talks in <b>Kiev</b> went on.</p></body></html>\n");
    assert_eq!(found.as_array().unwrap().len(), 1, "{found}");
    assert_eq!(
        (found[0]["text"].clone(), found[0]["column"].clone()),
        (json!("Kiev"), json!(41))
    );

    // The service's own endpoints.
    let health = s.health();
    assert_eq!(health["status"], "ok");
    assert_eq!(health["generation"], 1);
    let rules_list = get(&s.addr, "/v1/rules").json();
    let out = common::run_in(&common::root(), &["rules", "--format", "json"], None);
    assert_eq!(
        rules_list,
        serde_json::from_slice::<Value>(&out.stdout).unwrap()
    );
    let ids: Vec<&str> = rules_list["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, concord::checks::rule_ids());
    let glossaries = get(&s.addr, "/v1/glossaries").json();
    let names: Vec<(&str, Option<&str>, u64)> = glossaries["glossaries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| {
            (
                g["name"].as_str().unwrap(),
                g["version"].as_str(),
                g["entries"].as_u64().unwrap(),
            )
        })
        .collect();
    let shipped = concord::glossary::builtin().unwrap();
    let expected: Vec<(&str, Option<&str>, u64)> = shipped
        .iter()
        .map(|(_, g)| {
            (
                g.name.as_str(),
                g.version.as_deref(),
                g.entries.len() as u64,
            )
        })
        .collect();
    assert_eq!(names, expected);
    assert!(
        glossaries["glossaries"][0]["digest"]
            .as_str()
            .unwrap()
            .starts_with("sha256:")
    );

    // Metrics: requests by endpoint and status, latency, findings by rule.
    let text = get(&s.addr, "/metrics").body;
    assert!(
        text.contains("concord_http_requests_total{endpoint=\"/v1/check\",status=\"200\"} 10"),
        "{text}"
    );
    assert!(
        text.contains("concord_http_request_duration_seconds_count{endpoint=\"/v1/check\"} 10"),
        "{text}"
    );
    assert!(
        text.contains(
            "concord_http_request_duration_seconds_bucket{endpoint=\"/v1/check\",le=\"+Inf\"} 10"
        ),
        "{text}"
    );
    assert!(
        text.contains("concord_findings_total{rule=\"name/glossary\"} 10"),
        "{text}"
    );
    assert!(
        text.contains("concord_glossary_entries{glossary=\"news-names\"}"),
        "{text}"
    );
}

#[test]
fn bad_requests_get_a_clear_json_error() {
    let s = Server::start(&[
        "--max-body",
        "64K",
        "--max-document",
        "8K",
        "--max-documents",
        "3",
    ]);
    let cases: &[(&str, &str, u16, &str)] = &[
        (
            "/v1/check",
            r#"{"text": "Hola", "lang": "es""#,
            400,
            "invalid_json",
        ),
        ("/v1/check", "", 400, "invalid_json"),
        ("/v1/check", r#"{"txt": "Hola"}"#, 422, "invalid_request"),
        ("/v1/check", r#"{"source": "Hola"}"#, 422, "invalid_request"),
        (
            "/v1/check",
            r#"{"text": "Hola", "lang": "xx"}"#,
            422,
            "unknown_language",
        ),
        (
            "/v1/check",
            r#"{"text": "Hola", "format": "rtf"}"#,
            422,
            "unknown_format",
        ),
        (
            "/v1/check",
            r#"{"text": "Hola", "rules": {"name/glosary": "off"}}"#,
            422,
            "unknown_rule",
        ),
        (
            "/v1/check",
            r#"{"text": "Hola", "rules": {"name/glossary": "fatal"}}"#,
            422,
            "unknown_severity",
        ),
        (
            "/v1/check",
            r#"{"text": "Hola", "glossaries": ["house"]}"#,
            422,
            "unknown_glossary",
        ),
        (
            "/v1/check/batch",
            r#"{"documents": [{"text": "a"}, {"text": "b"}, {"text": "c"}, {"text": "d"}]}"#,
            413,
            "too_many_documents",
        ),
        (
            "/v1/check/batch",
            r#"{"documents": [{"text": "a", "id": "x"}, {"text": "b", "id": "x"}]}"#,
            422,
            "duplicate_id",
        ),
    ];
    for (path, body, status, code) in cases {
        let r = post_json(&s.addr, path, body);
        assert_eq!(
            (r.status, r.code().as_str()),
            (*status, *code),
            "{body}: {}",
            r.body
        );
        assert!(!r.json()["error"]["message"].as_str().unwrap().is_empty());
    }
    let r = post_json(
        &s.addr,
        "/v1/check",
        r#"{"text": "Hola",
  "langauge": "es"}"#,
    );
    assert_eq!(
        r.json()["error"]["message"],
        "unknown field `langauge`, expected one of `id`, `text`, `source`, `target`, `lang`, `source_lang`, `target_lang`, `format`, `glossaries`, `rules` at line 2 column 12"
    );

    // Sizes: one document over its limit, a declared body over the limit (refused before it
    // is sent), a chunked body that grows over it.
    let big = json!({"text": "word ".repeat(2000)}).to_string();
    let r = post_json(&s.addr, "/v1/check", &big);
    assert_eq!(
        (r.status, r.code().as_str()),
        (413, "document_too_large"),
        "{}",
        r.body
    );
    assert_eq!(
        r.json()["error"]["message"],
        "text: 10000 bytes, more than the limit of 8192 per document"
    );
    let mut c = Conn::open(&s.addr).unwrap();
    c.write(&http::head(
        "POST",
        "/v1/check",
        &[("Content-Type", "application/json")],
        Some(1 << 20),
    ))
    .unwrap();
    let r = c.read_response().unwrap();
    assert_eq!((r.status, r.code().as_str()), (413, "body_too_large"));
    let mut c = Conn::open(&s.addr).unwrap();
    c.write(&http::head(
        "POST",
        "/v1/check",
        &[
            ("Content-Type", "application/json"),
            ("Transfer-Encoding", "chunked"),
        ],
        None,
    ))
    .unwrap();
    let chunk = "x".repeat(16 << 10);
    for _ in 0..5 {
        if c.write(format!("{:x}\r\n{chunk}\r\n", chunk.len()).as_bytes())
            .is_err()
        {
            break;
        }
    }
    let r = c.read_response().unwrap();
    assert_eq!((r.status, r.code().as_str()), (413, "body_too_large"));

    // Media type, unknown endpoints and methods, reload without a token.
    let r = request(
        &s.addr,
        "POST",
        "/v1/check",
        &[("Content-Type", "text/plain")],
        b"{}",
    );
    assert_eq!(
        (r.status, r.code().as_str()),
        (415, "unsupported_media_type")
    );
    let r = get(&s.addr, "/v2/check");
    assert_eq!((r.status, r.code().as_str()), (404, "not_found"));
    let r = get(&s.addr, "/v1/check");
    assert_eq!(
        (r.status, r.code().as_str(), r.header("allow")),
        (405, "method_not_allowed", Some("POST"))
    );
    let r = reload(&s, Some("Bearer x"));
    assert_eq!((r.status, r.code().as_str()), (403, "reload_disabled"));
    assert_eq!(
        s.metric("concord_http_requests_total{endpoint=\"/v1/check\",status=\"422\"}"),
        Some(8.0)
    );
    assert_eq!(
        s.metric("concord_http_requests_total{endpoint=\"other\",status=\"404\"}"),
        Some(1.0)
    );
}

/// Sends the head and the first half of a check, so that it stays in flight until finished.
fn start_slow_check(addr: &str) -> (Conn, Vec<u8>) {
    let body = json!({"text": read(ARTICLE), "lang": "en"})
        .to_string()
        .into_bytes();
    let mut c = Conn::open(addr).unwrap();
    c.write(&http::head(
        "POST",
        "/v1/check",
        &[("Content-Type", "application/json")],
        Some(body.len()),
    ))
    .unwrap();
    let half = body.len() / 2;
    c.write(&body[..half]).unwrap();
    (c, body[half..].to_vec())
}

#[test]
fn requests_beyond_the_bound_are_turned_away_not_queued() {
    let s = Server::start(&["--max-in-flight", "1"]);
    let (mut slow, rest) = start_slow_check(&s.addr);
    s.wait_until("the slow request in flight", |s| {
        s.health()["in_flight"] == 1
    });
    let r = post_json(&s.addr, "/v1/check", r#"{"text": "Hola"}"#);
    assert_eq!(
        (r.status, r.code().as_str(), r.header("retry-after")),
        (503, "overloaded", Some("1"))
    );
    slow.write(&rest).unwrap();
    let r = slow.read_response().unwrap();
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.json()["summary"]["errors"], 2);
    s.wait_until("the slot freed", |s| s.health()["in_flight"] == 0);
    assert_eq!(
        post_json(&s.addr, "/v1/check", r#"{"text": "Hola"}"#).status,
        200
    );
    assert_eq!(
        s.metric("concord_http_requests_total{endpoint=\"/v1/check\",status=\"503\"}"),
        Some(1.0)
    );
}

#[test]
fn slow_bodies_and_slow_checks_time_out() {
    let s = Server::start(&["--read-timeout", "200ms", "--timeout", "1ms"]);
    let (mut slow, _) = start_slow_check(&s.addr);
    let r = slow.read_response().unwrap();
    assert_eq!(
        (r.status, r.code().as_str()),
        (408, "request_timeout"),
        "{}",
        r.body
    );
    // Headers that never end: the connection is closed.
    let mut c = Conn::open(&s.addr).unwrap();
    c.write(b"POST /v1/check HTTP/1.1\r\nHost: localhost\r\nContent-Type: applica")
        .unwrap();
    c.read_to_close()
        .expect("the server closes a connection whose headers never end");
    // Forty articles cannot be checked in a millisecond; the work still holds its slot
    // until it is done, then the slot is free again.
    let text = read(ARTICLE);
    let documents: Vec<Value> = (0..40)
        .map(|i| json!({"id": format!("a{i}"), "text": text}))
        .collect();
    let r = post_json(
        &s.addr,
        "/v1/check/batch",
        &json!({"documents": documents}).to_string(),
    );
    assert_eq!(
        (r.status, r.code().as_str(), r.header("retry-after")),
        (503, "timeout", Some("1")),
        "{}",
        r.body
    );
    s.wait_until("the abandoned check to finish", |s| {
        s.health()["in_flight"] == 0
    });
}

const HOUSE_1: &str = r#"{"format": "concord-glossary/1", "name": "house", "entries": [
  {"id": "muuga", "kind": "place", "terms": {"en": {"preferred": "Muuga Harbour", "deprecated": ["Muuga Harbor"]}}}
]}"#;
const HOUSE_2: &str = r#"{"format": "concord-glossary/1", "name": "house", "entries": [
  {"id": "muuga", "kind": "place", "terms": {"en": {"preferred": "Muuga Harbour", "deprecated": ["Muuga Harbor"]}}},
  {"id": "elering", "kind": "organization", "terms": {"en": {"preferred": "Elering", "deprecated": ["Elering Grid"]}}}
]}"#;
const BROKEN: &str = r#"{"format": "concord-glossary/1", "name": "house", "entries": [
  {"id": "muuga", "kind": "place", "colour": "blue"}
]}"#;

fn write_atomically(path: &Path, text: &str) {
    let tmp = path.with_extension("tmp");
    std::fs::write(&tmp, text).unwrap();
    std::fs::rename(&tmp, path).unwrap();
}

#[test]
fn reloads_swap_glossaries_under_load_and_keep_the_old_set_when_broken() {
    let dir = tempfile::tempdir().unwrap();
    let house = dir.path().join("house.json");
    write_atomically(&house, HOUSE_1);
    let s = Server::start(&[
        "--no-default-glossaries",
        "-g",
        house.to_str().unwrap(),
        "--reload-token",
        "s3cret",
    ]);
    let version =
        |s: &Server| get(&s.addr, "/v1/glossaries").json()["glossaries"][0]["digest"].clone();
    let v1 = version(&s);
    let probe =
        r#"{"text": "Ships left Muuga Harbor for Elering Grid's new cable site.", "lang": "en"}"#;

    // Clients keep checking while the glossaries change under them.
    let stop = Arc::new(AtomicBool::new(false));
    let statuses = Arc::new(Mutex::new(Vec::new()));
    let load: Vec<_> = (0..3)
        .map(|_| {
            let (addr, stop, statuses) = (s.addr.clone(), stop.clone(), statuses.clone());
            std::thread::spawn(move || {
                while !stop.load(Ordering::Relaxed) {
                    let r = post_json(&addr, "/v1/check", probe);
                    statuses.lock().unwrap().push(r.status);
                }
            })
        })
        .collect();
    let errors =
        |s: &Server| post_json(&s.addr, "/v1/check", probe).json()["summary"]["errors"].clone();
    assert_eq!(errors(&s), 1);

    // A good file on SIGHUP: the new entry applies.
    write_atomically(&house, HOUSE_2);
    s.signal("HUP");
    assert!(
        s.wait_log("reloaded on SIGHUP")
            .contains("generation 2, 1 glossaries, 2 entries")
    );
    assert_eq!(errors(&s), 2);
    let v2 = version(&s);
    assert_ne!(v1, v2);

    // A broken file: the reload says why and the old set stays.
    write_atomically(&house, BROKEN);
    let r = reload(&s, Some("Bearer s3cret"));
    assert_eq!((r.status, r.code().as_str()), (500, "reload_failed"));
    let message = r.json()["error"]["message"].as_str().unwrap().to_string();
    assert!(
        message.contains("house.json:2:36: unknown field `colour`"),
        "{message}"
    );
    assert!(
        message.ends_with("still checking with the glossaries of generation 2"),
        "{message}"
    );
    assert!(
        s.wait_log("reload on request failed")
            .contains("unknown field `colour`")
    );
    s.signal("HUP");
    s.wait_log("reload on SIGHUP failed");
    assert_eq!(version(&s), v2);
    assert_eq!(errors(&s), 2);
    assert_eq!(
        s.metric("concord_reloads_total{result=\"failed\"}"),
        Some(2.0)
    );

    // The token is required; a fixed file reloads.
    for auth in [None, Some("Bearer wrong"), Some("s3cret")] {
        let r = reload(&s, auth);
        assert_eq!(
            (r.status, r.code().as_str(), r.header("www-authenticate")),
            (401, "unauthorized", Some("Bearer"))
        );
    }
    write_atomically(&house, HOUSE_1);
    let r = reload(&s, Some("Bearer s3cret"));
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.json()["generation"], 3);
    assert_eq!(version(&s), v1);
    assert_eq!(errors(&s), 1);
    assert_eq!(s.metric("concord_reloads_total{result=\"ok\"}"), Some(2.0));
    assert_eq!(s.metric("concord_glossary_generation"), Some(3.0));

    stop.store(true, Ordering::Relaxed);
    for t in load {
        t.join().unwrap();
    }
    let statuses = statuses.lock().unwrap();
    assert!(!statuses.is_empty());
    assert!(statuses.iter().all(|&st| st == 200), "{statuses:?}");
}

#[test]
fn sigterm_lets_requests_in_flight_finish() {
    let mut s = Server::start(&[]);
    let (mut slow, rest) = start_slow_check(&s.addr);
    s.wait_until("the slow request in flight", |s| {
        s.health()["in_flight"] == 1
    });
    s.signal("TERM");
    s.wait_log("shutting down");
    slow.write(&rest).unwrap();
    let r = slow.read_response().unwrap();
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.json()["summary"]["errors"], 2);
    let end = Instant::now() + GUARD;
    let status = loop {
        if let Some(status) = s.child.try_wait().unwrap() {
            break status;
        }
        assert!(Instant::now() < end, "the service did not stop");
        std::thread::sleep(Duration::from_millis(10));
    };
    assert!(status.success(), "{status:?}");
}

#[test]
fn a_service_that_cannot_start_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("house.json");
    std::fs::write(&broken, BROKEN).unwrap();
    let out = common::run_in(
        &common::root(),
        &[
            "serve",
            "--listen",
            "127.0.0.1:0",
            "-g",
            broken.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("house.json:2:36: unknown field `colour`"),
        "{stderr}"
    );
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = taken.local_addr().unwrap().to_string();
    let out = common::run_in(&common::root(), &["serve", "--listen", &addr], None);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with(&format!("error: cannot listen on {addr}: ")),
        "{stderr}"
    );
}

#[test]
fn the_configuration_is_read_at_start_and_on_reload() {
    let dir = tempfile::tempdir().unwrap();
    write_atomically(&dir.path().join("house.json"), HOUSE_2);
    let config = dir.path().join("concord.toml");
    write_atomically(
        &config,
        "glossaries = [\"house.json\"]\ndefault-glossaries = false\n[rules]\n\"name/glossary\" = \"warning\"\n",
    );
    let s = Server::start(&["--config", config.to_str().unwrap()]);
    let probe =
        r#"{"text": "Ships left Muuga Harbor for Elering Grid's new cable site.", "lang": "en"}"#;
    let summary = |s: &Server| post_json(&s.addr, "/v1/check", probe).json()["summary"].clone();
    assert_eq!(
        summary(&s),
        json!({"files": 1, "errors": 0, "warnings": 2, "infos": 0})
    );
    write_atomically(
        &config,
        "glossaries = [\"house.json\"]\ndefault-glossaries = false\n",
    );
    s.signal("HUP");
    s.wait_log("reloaded on SIGHUP");
    assert_eq!(
        summary(&s),
        json!({"files": 1, "errors": 2, "warnings": 0, "infos": 0})
    );
    write_atomically(
        &config,
        "glossaries = [\"house.json\"]\ncolour = \"blue\"\n",
    );
    s.signal("HUP");
    assert!(
        s.wait_log("reload on SIGHUP failed")
            .contains("concord.toml")
    );
    assert_eq!(
        summary(&s),
        json!({"files": 1, "errors": 2, "warnings": 0, "infos": 0})
    );
}
