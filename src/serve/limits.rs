//! What one request may ask of the service, and admission: a bounded number of checking
//! requests in flight, the others turned away at once with 503 rather than queued.

use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use super::error::ApiError;

/// The service's limits (each has a `concord serve` flag).
#[derive(Debug, Clone)]
pub struct Limits {
    /// Largest request body, in bytes.
    pub max_body: usize,
    /// Largest text of one document (a text, a source or a target), in bytes.
    pub max_document: usize,
    /// Most documents in one batch.
    pub max_documents: usize,
    /// Time a client may take to send a request's headers, and then its body.
    pub read_timeout: Duration,
    /// Time a check may take once its request has arrived.
    pub timeout: Duration,
    /// Checking requests in flight (being read, waiting for a worker or checked); beyond
    /// it a request is answered 503 with Retry-After.
    pub max_in_flight: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_body: 4 << 20,
            max_document: 1 << 20,
            max_documents: 100,
            read_timeout: Duration::from_secs(10),
            timeout: Duration::from_secs(10),
            max_in_flight: 64,
        }
    }
}

/// A place among the requests in flight, held until the request's check has finished, even
/// when its answer (a time-out) was sent before: the bound covers the work, not the answers.
#[derive(Clone)]
pub struct Permit(#[allow(dead_code)] Arc<OwnedSemaphorePermit>);

/// Middleware on the checking routes: a permit, or 503 at once.
pub async fn admit(State(slots): State<Arc<Semaphore>>, mut req: Request, next: Next) -> Response {
    match slots.try_acquire_owned() {
        Ok(permit) => {
            req.extensions_mut().insert(Permit(Arc::new(permit)));
            next.run(req).await
        }
        Err(_) => ApiError::overloaded().into_response(),
    }
}

/// Reads a JSON body of at most `max` bytes. A declared length over the limit is refused
/// before anything is read.
pub async fn read_json_body(
    headers: &HeaderMap,
    body: Body,
    max: usize,
) -> Result<Vec<u8>, ApiError> {
    if let Some(kind) = headers.get(header::CONTENT_TYPE) {
        let kind = kind.to_str().unwrap_or_default();
        let essence = kind.split(';').next().unwrap_or_default().trim();
        if !essence.eq_ignore_ascii_case("application/json") {
            return Err(ApiError::unsupported_media_type(kind));
        }
    }
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > max as u64) {
        return Err(ApiError::body_too_large(max));
    }
    match axum::body::to_bytes(body, max).await {
        Ok(bytes) => Ok(bytes.to_vec()),
        Err(e) if is_length_limit(&e) => Err(ApiError::body_too_large(max)),
        Err(e) => Err(ApiError::bad_body(&e)),
    }
}

fn is_length_limit(e: &axum::Error) -> bool {
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(s) = source {
        if s.is::<http_body_util::LengthLimitError>() {
            return true;
        }
        source = s.source();
    }
    false
}
