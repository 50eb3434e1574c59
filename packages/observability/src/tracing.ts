import type http from 'node:http';
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, context, propagation, trace, type Span } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { BatchSpanProcessor, SimpleSpanProcessor, TracerProvider, type SpanExporter } from '@opentelemetry/sdk-trace';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';

/**
 * OpenTelemetry traces, off unless `OTEL_EXPORTER_OTLP_ENDPOINT` is set (or a test hands an exporter).
 * One server span per GraphQL request at the gateway and at each subgraph (requests.ts), a W3C
 * `traceparent` on every call between them (the gateway's subgraph fetches and subscription per-event
 * fetches, calls between subgraphs), and @apollo/gateway's own spans (parse, validate, plan, fetch) once a
 * provider is registered; inside each subgraph request, a span per DataLoader batch and per SQL statement
 * (`withChildSpan`, `startChildSpan`: only under a span being traced, so background jobs start no traces).
 * One provider per process: services sharing a process tell their spans apart
 * by the `aleumet.service` attribute.
 */
let provider: TracerProvider | null = null;
let running: Tracing | null = null;

export interface Tracing {
  shutdown(): Promise<void>;
  forceFlush(): Promise<void>;
}

export function startTracing(opts: { exporter?: SpanExporter; env?: NodeJS.ProcessEnv } = {}): Tracing | null {
  const env = opts.env ?? process.env;
  if (running) return running;
  const url = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT || (env.OTEL_EXPORTER_OTLP_ENDPOINT ? `${env.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/$/, '')}/v1/traces` : '');
  if (!opts.exporter && !url) return null;
  // OTLP over HTTP (JSON); headers and timeout from the standard OTEL_EXPORTER_OTLP_* variables.
  const processor = opts.exporter ? new SimpleSpanProcessor({ exporter: opts.exporter }) : new BatchSpanProcessor({ exporter: new OTLPTraceExporter({ url }) });
  const p = new TracerProvider({ spanProcessors: [processor] });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(p);
  provider = p;
  running = {
    forceFlush: () => p.forceFlush(),
    async shutdown() {
      await p.shutdown();
      trace.disable();
      context.disable();
      propagation.disable();
      provider = null;
      running = null;
    },
  };
  return running;
}

export const tracingOn = () => provider !== null;

/** Adds `traceparent` (and `tracestate`) of the current span to outgoing request headers. */
export function injectTraceContext(headers: Record<string, string>): Record<string, string> {
  if (provider) propagation.inject(context.active(), headers);
  return headers;
}

/** Runs `fn` outside the current trace: for work on behalf of several requests (a batch of their audit rows), part of none of their traces. */
export function outsideTrace<T>(fn: () => T): T {
  return provider ? context.with(ROOT_CONTEXT, fn) : fn();
}

/** Runs `fn` inside a server span continuing the caller's trace (its `traceparent`), or returns null when off. */
export function serverSpan(service: string, req: http.IncomingMessage, fn: () => void): Span | null {
  if (!provider) {
    fn();
    return null;
  }
  const parent = propagation.extract(context.active(), req.headers);
  const span = trace.getTracer('aleumet').startSpan(`${service} ${req.method ?? 'GET'} ${(req.url ?? '/').split('?')[0]}`, { kind: SpanKind.SERVER, attributes: { 'aleumet.service': service } }, parent);
  context.with(trace.setSpan(parent, span), fn);
  return span;
}

/** Ends a server span with the request's operation and outcome. */
export function endServerSpan(span: Span | null, attrs: { operation?: string | null; type?: string; outcome: string; status: number; requestId?: string }): void {
  if (!span) return;
  span.setAttributes({
    'graphql.operation.name': attrs.operation ?? '',
    'graphql.operation.type': attrs.type ?? '',
    'aleumet.outcome': attrs.outcome,
    'http.response.status_code': attrs.status,
    ...(attrs.requestId ? { 'aleumet.request_id': attrs.requestId } : {}),
  });
  if (attrs.outcome !== 'ok') span.setStatus({ code: SpanStatusCode.ERROR, message: attrs.outcome });
  span.end();
}

/** Runs `fn` in a span of its own (a child of the current one, or a new trace); just `fn` when tracing is off. */
export async function withSpan<T>(name: string, attributes: Record<string, string>, fn: () => Promise<T>): Promise<T> {
  if (!provider) return fn();
  return trace.getTracer('aleumet').startActiveSpan(name, { attributes }, async (span) => {
    try {
      return await fn();
    } finally {
      span.end();
    }
  });
}

/** Whether a span is being recorded in the current context (a request being traced). */
const underSpan = () => provider !== null && trace.getSpan(context.active()) !== undefined;

/** Runs `fn` in a child span of the current one; just `fn` when tracing is off or no span is current. */
export async function withChildSpan<T>(name: string, attributes: Record<string, string | number>, fn: () => Promise<T>): Promise<T> {
  if (!underSpan()) return fn();
  return trace.getTracer('aleumet').startActiveSpan(name, { attributes }, async (span) => {
    try {
      return await fn();
    } catch (e) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: (e as Error).message?.slice(0, 200) });
      throw e;
    } finally {
      span.end();
    }
  });
}

/** Starts a child span of the current one that the caller ends (e.g. on an event); null when tracing is off or no span is current. */
export function startChildSpan(name: string, attributes: Record<string, string | number>, kind: 'internal' | 'client' = 'internal'): Span | null {
  if (!underSpan()) return null;
  return trace.getTracer('aleumet').startSpan(name, { attributes, kind: kind === 'client' ? SpanKind.CLIENT : SpanKind.INTERNAL });
}

/** A SQL statement as a trace may show it: literals replaced by `?` (statements may carry personal data inline), at most 500 characters. */
export function maskStatement(sql: string): string {
  return sql.replace(/'(?:[^']|'')*'/g, '?').replace(/\b\d+(?:\.\d+)?\b/g, '?').replace(/\s+/g, ' ').trim().slice(0, 500);
}
