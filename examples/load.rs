//! A load generator for `concord serve` on loopback: closed-loop clients on keep-alive
//! connections, bounded in requests and in time.
//!
//! ```text
//! load bench ADDR PID ARTICLE CLIENTS REQUESTS MAX_SECONDS
//! load soak  ADDR ARTICLE CLIENTS SECONDS PID
//! ```
//!
//! `bench` sends the article (as `{"text": ..., "lang": "en"}`) and prints requests/s,
//! latency percentiles and the server's CPU time per request (which, unlike latency, does not
//! depend on what else the machine is doing). `soak` mixes good requests with the bad ones a CMS might send (broken
//! JSON, an unknown language, an oversized body, an unknown endpoint) and samples the
//! server's resident memory; it fails if any answer is not the one intended or memory grows.
//! `scripts/load.sh` runs both.

#[path = "../tests/common/http.rs"]
mod http;

use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use http::Conn;

const JSON: (&str, &str) = ("Content-Type", "application/json");

/// A kind of request and the status it must get.
struct Kind {
    name: &'static str,
    path: &'static str,
    body: Vec<u8>,
    expect: u16,
}

fn good(article: &str) -> Kind {
    Kind {
        name: "check",
        path: "/v1/check",
        body: serde_json::json!({"text": article, "lang": "en"})
            .to_string()
            .into_bytes(),
        expect: 200,
    }
}

/// The soak's mix: six good checks in ten, one batch, three kinds of mistake.
fn mix(article: &str) -> Vec<Kind> {
    let batch = serde_json::json!({"documents": [
        {"id": "a", "text": article, "lang": "en"},
        {"id": "b", "text": article, "lang": "en"},
        {"id": "c", "text": article, "lang": "en"}]});
    let mut kinds: Vec<Kind> = (0..6).map(|_| good(article)).collect();
    kinds.push(Kind {
        name: "batch",
        path: "/v1/check/batch",
        body: batch.to_string().into_bytes(),
        expect: 200,
    });
    kinds.push(Kind {
        name: "bad-json",
        path: "/v1/check",
        body: b"{\"text\": \"unfinished".to_vec(),
        expect: 400,
    });
    kinds.push(Kind {
        name: "bad-lang",
        path: "/v1/check",
        body: br#"{"text": "Hola", "lang": "klingon"}"#.to_vec(),
        expect: 422,
    });
    kinds.push(Kind {
        name: "no-endpoint",
        path: "/v1/spellcheck",
        body: b"{}".to_vec(),
        expect: 404,
    });
    kinds
}

#[derive(Default)]
struct Tally {
    latencies: Vec<Duration>,
    /// (kind, status) → count
    answers: std::collections::BTreeMap<(&'static str, u16), usize>,
    unexpected: usize,
    failures: usize,
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let i = ((sorted.len() as f64 * p).ceil() as usize).clamp(1, sorted.len()) - 1;
    sorted[i].as_secs_f64() * 1000.0
}

/// Runs `clients` closed-loop clients until `requests` are sent or `until` passes.
fn drive(
    addr: &str,
    kinds: Arc<Vec<Kind>>,
    clients: usize,
    requests: usize,
    until: Instant,
    oversized_every: Option<usize>,
) -> (Tally, Duration) {
    let next = Arc::new(AtomicUsize::new(0));
    let tally = Arc::new(Mutex::new(Tally::default()));
    let start = Instant::now();
    let threads: Vec<_> = (0..clients)
        .map(|_| {
            let (addr, kinds, next, tally) =
                (addr.to_string(), kinds.clone(), next.clone(), tally.clone());
            std::thread::spawn(move || {
                let mut conn: Option<Conn> = None;
                let mut mine = Tally::default();
                loop {
                    let n = next.fetch_add(1, Ordering::Relaxed);
                    if n >= requests || Instant::now() >= until {
                        break;
                    }
                    if oversized_every.is_some_and(|k| n % k == k - 1) {
                        // Declared over the limit: refused before the body is sent, and the
                        // connection is not reused.
                        let answer = Conn::open(&addr).and_then(|mut c| {
                            c.write(&http::head("POST", "/v1/check", &[JSON], Some(64 << 20)))?;
                            c.read_response()
                        });
                        record(&mut mine, "oversized", 413, answer.map(|r| r.status), None);
                        continue;
                    }
                    let kind = &kinds[n % kinds.len()];
                    let sent = Instant::now();
                    // A kept-alive connection the server has closed since (as it may after
                    // an answer that did not need the body) is opened again, once, as
                    // HTTP clients do.
                    let reused = conn.take().map(|c| exchange(c, kind));
                    let answer = match reused {
                        Some(Ok(done)) => Ok(done),
                        _ => Conn::open(&addr).and_then(|c| exchange(c, kind)),
                    }
                    .map(|(status, open)| {
                        conn = open;
                        status
                    });
                    let took = (kind.expect == 200).then(|| sent.elapsed());
                    record(&mut mine, kind.name, kind.expect, answer, took);
                }
                let mut t = tally.lock().unwrap();
                t.latencies.extend(mine.latencies);
                for (k, v) in mine.answers {
                    *t.answers.entry(k).or_default() += v;
                }
                t.unexpected += mine.unexpected;
                t.failures += mine.failures;
            })
        })
        .collect();
    for t in threads {
        let _ = t.join();
    }
    let elapsed = start.elapsed();
    let tally = std::mem::take(&mut *tally.lock().unwrap());
    (tally, elapsed)
}

/// One request on `c`; the connection comes back unless the server closes it.
fn exchange(mut c: Conn, kind: &Kind) -> std::io::Result<(u16, Option<Conn>)> {
    let mut request = http::head("POST", kind.path, &[JSON], Some(kind.body.len()));
    request.extend_from_slice(&kind.body);
    c.write(&request)?;
    let r = c.read_response()?;
    let open = r.header("connection") != Some("close");
    Ok((r.status, open.then_some(c)))
}

fn record(
    t: &mut Tally,
    name: &'static str,
    expect: u16,
    answer: std::io::Result<u16>,
    took: Option<Duration>,
) {
    match answer {
        Ok(status) => {
            *t.answers.entry((name, status)).or_default() += 1;
            // 503 is the service's back-pressure: intended, and counted apart.
            if status != expect && status != 503 {
                t.unexpected += 1;
            }
            if status == expect {
                t.latencies.extend(took);
            }
        }
        Err(e) => {
            if t.failures == 0 {
                eprintln!("load: {name}: {e}");
            }
            t.failures += 1;
        }
    }
}

fn answers(t: &Tally) -> String {
    t.answers
        .iter()
        .map(|((k, s), n)| format!("{k}:{s}={n}"))
        .collect::<Vec<_>>()
        .join(" ")
}

fn rss_kib(pid: &str) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))?
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()
}

/// The server's CPU time so far (user and system), from /proc.
fn cpu_seconds(pid: &str) -> Option<f64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The fields after the command name, which is in parentheses and may hold spaces.
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

fn bench(
    addr: &str,
    pid: &str,
    article: &str,
    clients: usize,
    requests: usize,
    secs: u64,
) -> ExitCode {
    let kinds = Arc::new(vec![good(article)]);
    // A short warm-up on one connection per client, not counted.
    let warm = Instant::now() + Duration::from_secs(2);
    drive(addr, kinds.clone(), clients, clients * 5, warm, None);
    let until = Instant::now() + Duration::from_secs(secs);
    let cpu_before = cpu_seconds(pid);
    let (mut t, elapsed) = drive(addr, kinds, clients, requests, until, None);
    let cpu = cpu_seconds(pid).zip(cpu_before).map(|(a, b)| a - b);
    t.latencies.sort();
    let done: usize = t.answers.values().sum();
    println!(
        "clients {clients:>3}  requests {done:>6}  {:>7.1} req/s  p50 {:>6.2} ms  p99 {:>6.2} ms  max {:>7.2} ms  server CPU {:.2} ms/request  answers {}  failures {}",
        done as f64 / elapsed.as_secs_f64(),
        percentile(&t.latencies, 0.50),
        percentile(&t.latencies, 0.99),
        percentile(&t.latencies, 1.0),
        cpu.map_or(f64::NAN, |c| c * 1000.0 / done.max(1) as f64),
        answers(&t),
        t.failures
    );
    if t.unexpected + t.failures > 0 {
        eprintln!("load: unexpected answers or failed connections");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

fn soak(addr: &str, article: &str, clients: usize, secs: u64, pid: &str) -> ExitCode {
    let kinds = Arc::new(mix(article));
    let until = Instant::now() + Duration::from_secs(secs);
    let stop = Arc::new(AtomicBool::new(false));
    let samples = Arc::new(Mutex::new(Vec::new()));
    let sampler = {
        let (stop, samples, pid) = (stop.clone(), samples.clone(), pid.to_string());
        std::thread::spawn(move || {
            let start = Instant::now();
            while !stop.load(Ordering::Relaxed) {
                if let Some(kib) = rss_kib(&pid) {
                    samples
                        .lock()
                        .unwrap()
                        .push((start.elapsed().as_secs(), kib));
                }
                std::thread::sleep(Duration::from_secs(5));
            }
        })
    };
    let (t, elapsed) = drive(addr, kinds, clients, usize::MAX, until, Some(25));
    stop.store(true, Ordering::Relaxed);
    let _ = sampler.join();
    let done: usize = t.answers.values().sum();
    println!(
        "soak: {clients} clients, {:.0} s, {done} requests ({:.1} req/s); answers {}; unexpected {}, failures {}",
        elapsed.as_secs_f64(),
        done as f64 / elapsed.as_secs_f64(),
        answers(&t),
        t.unexpected,
        t.failures
    );
    let samples = samples.lock().unwrap().clone();
    let line: Vec<String> = samples
        .iter()
        .map(|(s, k)| format!("{s}s:{:.1}", *k as f64 / 1024.0))
        .collect();
    println!("soak: server RSS (MiB) {}", line.join(" "));
    // Flat: after the first quarter (allocator and caches warm), the last sample is within
    // 10 % of that quarter's highest.
    let quarter = samples.len().div_ceil(4).max(1);
    let warm = samples.iter().take(quarter).map(|s| s.1).max().unwrap_or(0);
    let last = samples.last().map_or(0, |s| s.1);
    let growth = if warm > 0 {
        last as f64 / warm as f64 - 1.0
    } else {
        f64::NAN
    };
    println!(
        "soak: RSS after warm-up {:.1} MiB, at the end {:.1} MiB ({:+.1} %)",
        warm as f64 / 1024.0,
        last as f64 / 1024.0,
        growth * 100.0
    );
    if t.unexpected + t.failures > 0 || samples.len() < 2 || growth > 0.10 {
        eprintln!(
            "load: the soak failed (unexpected answers, failed connections or growing memory)"
        );
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let article = |p: &str| std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{p}: {e}"));
    let num = |s: &str| -> u64 { s.parse().unwrap_or_else(|_| panic!("not a number: {s}")) };
    match args.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["bench", addr, pid, path, clients, requests, secs] => bench(
            addr,
            pid,
            &article(path),
            num(clients) as usize,
            num(requests) as usize,
            num(secs),
        ),
        ["soak", addr, path, clients, secs, pid] => {
            soak(addr, &article(path), num(clients) as usize, num(secs), pid)
        }
        _ => {
            eprintln!(
                "usage: load bench ADDR PID ARTICLE CLIENTS REQUESTS MAX_SECONDS\n       load soak ADDR ARTICLE CLIENTS SECONDS PID"
            );
            ExitCode::from(2)
        }
    }
}
