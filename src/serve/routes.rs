//! The endpoints. Handlers read bodies and wait; parsing, checking and serialising the report
//! happen on the worker pool.

use std::sync::Arc;
use std::time::Instant;

use axum::Router;
use axum::body::Body;
use axum::extract::{Extension, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde::Serialize;
use tokio::time::timeout;

use super::error::ApiError;
use super::limits::{self, Limits, Permit};
use super::{Service, Trigger, api};
use crate::report::JsonReport;

/// The endpoints, as they are labelled in the metrics; anything else is "other".
const ENDPOINTS: [&str; 7] = [
    "/v1/check",
    "/v1/check/batch",
    "/v1/health",
    "/v1/rules",
    "/v1/glossaries",
    "/v1/reload",
    "/metrics",
];

pub fn router(service: Arc<Service>) -> Router {
    let checking = Router::new()
        .route("/v1/check", post(check))
        .route("/v1/check/batch", post(check))
        .route_layer(middleware::from_fn_with_state(
            service.slots.clone(),
            limits::admit,
        ));
    Router::new()
        .merge(checking)
        .route("/v1/health", get(health))
        .route("/v1/rules", get(rules))
        .route("/v1/glossaries", get(glossaries))
        .route("/v1/reload", post(reload))
        .route("/metrics", get(metrics))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(middleware::from_fn_with_state(service.clone(), observe))
        .with_state(service)
}

/// A compact JSON answer.
pub fn json_body<T: Serialize>(value: &T) -> Response {
    // The answers are plain data with string keys: serialising them cannot fail.
    let bytes = serde_json::to_vec(value).unwrap_or_default();
    ([(header::CONTENT_TYPE, "application/json")], bytes).into_response()
}

/// Counts and times every answer.
async fn observe(State(service): State<Arc<Service>>, req: Request, next: Next) -> Response {
    let path = req.uri().path();
    let endpoint = ENDPOINTS
        .iter()
        .find(|e| **e == path)
        .copied()
        .unwrap_or("other");
    let start = Instant::now();
    let response = next.run(req).await;
    service
        .metrics
        .request(endpoint, response.status().as_u16(), start.elapsed());
    response
}

/// `/v1/check` and `/v1/check/batch`: one path, one body shape each.
async fn check(
    State(service): State<Arc<Service>>,
    Extension(permit): Extension<Permit>,
    req: Request,
) -> Response {
    let parse: Parse = match req.uri().path() {
        "/v1/check/batch" => api::batch,
        _ => api::check,
    };
    let (parts, body) = req.into_parts();
    checking(service, permit, parts.headers, body, parse).await
}

type Parse = fn(&[u8], &Limits) -> Result<api::Checking, ApiError>;

/// Reads the body within the read time-out, then parses and checks it on a worker within the
/// check time-out. The permit goes with the work, so a check that outlives its time-out
/// still counts as in flight.
async fn checking(
    service: Arc<Service>,
    permit: Permit,
    headers: HeaderMap,
    body: Body,
    parse: Parse,
) -> Response {
    let limits = &service.limits;
    let read = limits::read_json_body(&headers, body, limits.max_body);
    let bytes = match timeout(limits.read_timeout, read).await {
        Err(_) => return ApiError::request_timeout(limits.read_timeout).into_response(),
        Ok(Err(e)) => return e.into_response(),
        Ok(Ok(bytes)) => bytes,
    };
    let catalog = service.catalog();
    let job_service = service.clone();
    let job = move || {
        let _permit = permit;
        let checking = parse(&bytes, &job_service.limits)?;
        let engine = catalog.engine(checking.glossaries.as_deref())?;
        let mut report = engine.run(checking.inputs);
        checking.overrides.apply(&mut report);
        job_service.metrics.findings(&report.findings);
        Ok::<_, ApiError>(json_body(&JsonReport::of(&report)))
    };
    match timeout(limits.timeout, service.pool.run(job)).await {
        Err(_) => ApiError::check_timeout(limits.timeout).into_response(),
        Ok(Err(_)) => {
            ApiError::internal("the check failed unexpectedly; please report it").into_response()
        }
        Ok(Ok(answer)) => answer.unwrap_or_else(IntoResponse::into_response),
    }
}

async fn health(State(service): State<Arc<Service>>) -> Response {
    let catalog = service.catalog();
    json_body(&serde_json::json!({
        "status": "ok",
        "version": env!("CARGO_PKG_VERSION"),
        "generation": catalog.generation,
        "glossaries": catalog.info.len(),
        "entries": catalog.entries(),
        "workers": service.pool.workers(),
        "in_flight": service.in_flight(),
        "max_in_flight": service.limits.max_in_flight,
    }))
}

/// The rules as `concord rules --format json` lists them.
async fn rules() -> Response {
    json_body(&serde_json::json!({"version": 1, "rules": crate::checks::rules()}))
}

async fn glossaries(State(service): State<Arc<Service>>) -> Response {
    let catalog = service.catalog();
    json_body(&serde_json::json!({
        "generation": catalog.generation,
        "glossaries": catalog.info,
    }))
}

async fn metrics(State(service): State<Arc<Service>>) -> Response {
    let text = service.metrics.encode(service.in_flight());
    ([(header::CONTENT_TYPE, super::metrics::CONTENT_TYPE)], text).into_response()
}

/// `POST /v1/reload` with `Authorization: Bearer TOKEN`; off unless a token is configured.
async fn reload(State(service): State<Arc<Service>>, headers: HeaderMap) -> Response {
    let Some(token) = &service.reload_token else {
        return ApiError::new(
            StatusCode::FORBIDDEN,
            "reload_disabled",
            "reloading over HTTP is off: start the service with --reload-token (or CONCORD_RELOAD_TOKEN), or send it SIGHUP",
        )
        .into_response();
    };
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "));
    if !given.is_some_and(|g| same_secret(g.as_bytes(), token.as_bytes())) {
        let mut response = ApiError::new(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "expected Authorization: Bearer with the reload token",
        )
        .into_response();
        response
            .headers_mut()
            .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        return response;
    }
    match service.reload(Trigger::Request).await {
        Ok(catalog) => json_body(&serde_json::json!({
            "reloaded": true,
            "generation": catalog.generation,
            "glossaries": catalog.info,
        })),
        Err(message) => ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "reload_failed",
            format!(
                "{message}; still checking with the glossaries of generation {}",
                service.catalog().generation
            ),
        )
        .into_response(),
    }
}

/// Compares in time independent of where the two differ.
fn same_secret(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0, |acc, (x, y)| acc | (x ^ y)) == 0
}

async fn not_found(req: Request) -> Response {
    ApiError::new(
        StatusCode::NOT_FOUND,
        "not_found",
        format!(
            "no endpoint {} {} (endpoints: {})",
            req.method(),
            req.uri().path(),
            ENDPOINTS.join(", ")
        ),
    )
    .into_response()
}

async fn method_not_allowed(req: Request) -> Response {
    let allowed = match req.uri().path() {
        "/v1/check" | "/v1/check/batch" | "/v1/reload" => "POST",
        _ => "GET",
    };
    let mut response = ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
        format!("{} {}: use {allowed}", req.method(), req.uri().path()),
    )
    .into_response();
    response
        .headers_mut()
        .insert(header::ALLOW, HeaderValue::from_static(allowed));
    response
}
