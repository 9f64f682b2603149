//! The pre-publish service (`concord serve`): an HTTP/1.1 JSON API over the engine, on axum
//! and tokio. Requests are read and limited on the async reactor; parsing and checking run
//! on a fixed pool of worker threads. The glossaries are swapped whole on reload (SIGHUP or
//! `POST /v1/reload`), so a request in flight finishes with the set it started with, and a
//! reload that fails keeps the old set.

mod api;
mod catalog;
mod error;
mod limits;
mod listen;
mod metrics;
mod pool;
mod routes;

use std::net::SocketAddr;
use std::sync::{Arc, RwLock};

use tokio::sync::Semaphore;

pub use catalog::{GlossaryInfo, Loader, Setup};
pub use limits::Limits;

use catalog::Catalog;
use metrics::Metrics;
use pool::Pool;

/// How the service listens and what it allows.
#[derive(Debug, Clone)]
pub struct Config {
    pub listen: SocketAddr,
    pub limits: Limits,
    /// Threads that run checks.
    pub workers: usize,
    /// The bearer token `POST /v1/reload` requires; without one that endpoint is off.
    pub reload_token: Option<String>,
}

/// What set off a reload.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trigger {
    Signal,
    Request,
}

/// Something the operator should hear about; the caller decides where it goes.
#[derive(Debug, Clone)]
pub enum Event {
    Listening(SocketAddr),
    Reloaded {
        trigger: Trigger,
        generation: u64,
        glossaries: usize,
        entries: usize,
    },
    ReloadFailed {
        trigger: Trigger,
        message: String,
    },
    ShuttingDown,
}

impl std::fmt::Display for Event {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let by = |t: &Trigger| match t {
            Trigger::Signal => "on SIGHUP",
            Trigger::Request => "on request",
        };
        match self {
            Event::Listening(addr) => write!(f, "listening on http://{addr}"),
            Event::Reloaded {
                trigger,
                generation,
                glossaries,
                entries,
            } => write!(
                f,
                "reloaded {}: generation {generation}, {glossaries} glossaries, {entries} entries",
                by(trigger)
            ),
            Event::ReloadFailed { trigger, message } => write!(
                f,
                "reload {} failed, the old glossaries stay in use: {message}",
                by(trigger)
            ),
            Event::ShuttingDown => {
                write!(f, "shutting down: finishing the requests in flight")
            }
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error("{0}")]
    Load(Box<dyn std::error::Error + Send + Sync>),
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot start the worker threads: {0}")]
    Pool(#[from] rayon::ThreadPoolBuildError),
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

type Events = Box<dyn Fn(&Event) + Send + Sync>;

/// The service's state, shared by every request.
struct Service {
    catalog: RwLock<Arc<Catalog>>,
    loader: Loader,
    /// One reload at a time.
    reloading: tokio::sync::Mutex<()>,
    pool: Pool,
    slots: Arc<Semaphore>,
    limits: Limits,
    reload_token: Option<String>,
    metrics: Metrics,
    events: Events,
}

impl Service {
    fn catalog(&self) -> Arc<Catalog> {
        self.catalog
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    fn in_flight(&self) -> usize {
        self.limits.max_in_flight - self.slots.available_permits()
    }

    /// Loads the setup afresh on a worker and swaps it in; on failure the old one stays.
    async fn reload(self: &Arc<Self>, trigger: Trigger) -> Result<Arc<Catalog>, String> {
        let _one = self.reloading.lock().await;
        let generation = self.catalog().generation + 1;
        let service = self.clone();
        let built = self
            .pool
            .run(move || {
                let setup = (service.loader)().map_err(|e| e.to_string())?;
                Ok(Arc::new(Catalog::build(setup, generation)))
            })
            .await
            .unwrap_or_else(|_| Err("loading the glossaries failed unexpectedly".to_string()));
        match &built {
            Ok(catalog) => {
                *self.catalog.write().unwrap_or_else(|e| e.into_inner()) = catalog.clone();
                self.metrics.reload(Ok(catalog));
                (self.events)(&Event::Reloaded {
                    trigger,
                    generation,
                    glossaries: catalog.info.len(),
                    entries: catalog.entries(),
                });
            }
            Err(message) => {
                self.metrics.reload(Err(()));
                (self.events)(&Event::ReloadFailed {
                    trigger,
                    message: message.clone(),
                });
            }
        }
        built
    }
}

/// Loads the setup, listens, and serves until SIGTERM or ctrl-c, then lets the requests in
/// flight finish. A setup that cannot be loaded at start is an error (no service starts).
pub fn run(
    config: Config,
    loader: Loader,
    events: impl Fn(&Event) + Send + Sync + 'static,
) -> Result<(), ServeError> {
    let pool = Pool::new(config.workers)?;
    let setup = loader().map_err(ServeError::Load)?;
    let catalog = Arc::new(pool.install(|| Catalog::build(setup, 1)));
    let metrics = Metrics::new();
    metrics.catalog(&catalog);
    let service = Arc::new(Service {
        catalog: RwLock::new(catalog),
        loader,
        reloading: tokio::sync::Mutex::new(()),
        pool,
        slots: Arc::new(Semaphore::new(config.limits.max_in_flight)),
        limits: config.limits,
        reload_token: config.reload_token,
        metrics,
        events: Box::new(events),
    });
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_name("concord-http")
        .build()?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(config.listen)
            .await
            .map_err(|source| ServeError::Bind {
                addr: config.listen,
                source,
            })?;
        // Signal handlers go in before anyone can know the address.
        let stop = signals::stop()?;
        signals::reload_on_hangup(service.clone())?;
        (service.events)(&Event::Listening(listener.local_addr()?));
        let app = routes::router(service.clone());
        let events = service.clone();
        let stop = async move {
            stop.await;
            (events.events)(&Event::ShuttingDown);
        };
        listen::serve(listener, app, service.limits.read_timeout, stop).await;
        Ok(())
    })
}

#[cfg(unix)]
mod signals {
    use std::future::Future;
    use std::sync::Arc;

    use tokio::signal::unix::{SignalKind, signal};

    use super::{Service, Trigger};

    /// Resolves on SIGTERM or SIGINT.
    pub fn stop() -> std::io::Result<impl Future<Output = ()>> {
        let mut term = signal(SignalKind::terminate())?;
        let mut int = signal(SignalKind::interrupt())?;
        Ok(async move {
            tokio::select! {
                _ = term.recv() => {}
                _ = int.recv() => {}
            }
        })
    }

    pub fn reload_on_hangup(service: Arc<Service>) -> std::io::Result<()> {
        let mut hup = signal(SignalKind::hangup())?;
        tokio::spawn(async move {
            while hup.recv().await.is_some() {
                // The outcome is reported through the service's events and metrics.
                let _ = service.reload(Trigger::Signal).await;
            }
        });
        Ok(())
    }
}

#[cfg(not(unix))]
mod signals {
    use std::future::Future;
    use std::sync::Arc;

    use super::Service;

    pub fn stop() -> std::io::Result<impl Future<Output = ()>> {
        Ok(async {
            let _ = tokio::signal::ctrl_c().await;
        })
    }

    /// No SIGHUP here: `POST /v1/reload` only.
    pub fn reload_on_hangup(_: Arc<Service>) -> std::io::Result<()> {
        Ok(())
    }
}
