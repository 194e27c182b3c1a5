package io.dashshare.adapter.http.edge;

import io.dashshare.adapter.http.error.ErrorResponses;
import io.dashshare.adapter.http.web.RequestIds;
import io.dashshare.adapter.http.web.TokenPaths;
import io.dashshare.domain.error.ErrorCode;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The one place every answer of the process passes (docs/api.md, headers on every response), one
 * per connection, right behind Netty's HTTP codec:
 *
 * <ul>
 *   <li>each request gets its id here, in its {@code X-Request-Id} header (a client's own value is
 *       replaced), before the framework sees it ({@link RequestIds#of});</li>
 *   <li>each response gets the documented headers ({@link EdgeHeaders}) and one access-log line;</li>
 *   <li>a request Netty could not decode (a header or request line over its limit, bytes a header
 *       may not hold, an HTTP version other than 1.0 and 1.1) is answered with the JSON error body
 *       of docs/errors.md instead of the framework's answer, which knows nothing of what failed;
 *       the connection is closed after it, since the decoder skips whatever follows;</li>
 *   <li>a client that goes away before its answer is written is one INFO line with status 499.</li>
 * </ul>
 *
 * Answers leave in the order requests came (HTTP/1.1 pipelining), so a queue pairs them.
 */
final class EdgeChannelHandler extends ChannelDuplexHandler {

    static final Logger ACCESS = LoggerFactory.getLogger(EdgeFilter.ACCESS_LOGGER);
    /** What the access log and the metrics say of a request whose client left before its answer (nginx's code). */
    static final int CLIENT_GONE = 499;

    private final Limits limits;
    private final Deque<Exchange> pending = new ArrayDeque<>();
    private boolean skipRequestContent;
    private boolean skipResponseContent;
    private boolean inactive;

    /** The decoder's limits, quoted in its refusals. */
    record Limits(int maxInitialLineLength, int maxHeaderSize) {
    }

    private record Exchange(String requestId, String method, String path, long startedNanos, Refusal refusal) {
    }

    /** What a request the decoder refused is answered with. */
    record Refusal(int status, ErrorCode code, String message, String reason) {

        static Refusal of(Throwable cause, Limits limits) {
            if (cause instanceof TooLongHttpHeaderException) {
                return new Refusal(431, ErrorCode.PAYLOAD_TOO_LARGE,
                        "The request's headers are larger than " + limits.maxHeaderSize() + " bytes.", "headers_too_large");
            }
            if (cause instanceof TooLongHttpLineException) {
                return new Refusal(414, ErrorCode.PAYLOAD_TOO_LARGE, "The request line is longer than "
                        + limits.maxInitialLineLength() + " bytes.", "request_line_too_long");
            }
            if (cause instanceof MalformedUriException) {
                return new Refusal(400, ErrorCode.INVALID_REQUEST, "The request's path or query string is not a"
                        + " well-formed URI (bad percent-encoding or characters a URI may not hold).", "malformed_uri");
            }
            if (cause instanceof TooLongFrameException) {
                return new Refusal(413, ErrorCode.PAYLOAD_TOO_LARGE, "The request body is too large.", "body_too_large");
            }
            return new Refusal(400, ErrorCode.INVALID_REQUEST,
                    "The request line or a header is malformed (HTTP/1.1 with header values of visible characters).",
                    "malformed_http");
        }
    }

    EdgeChannelHandler(Limits limits) {
        this.limits = limits;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest request) {
            String id = RequestIds.fresh();
            request.headers().set(RequestIds.HEADER, id);
            HttpVersion version = request.protocolVersion();
            if (request.decoderResult().isSuccess() && version != HttpVersion.HTTP_1_1 && version != HttpVersion.HTTP_1_0) {
                // The framework would answer in that version; refused like any request the decoder cannot read.
                request.setDecoderResult(DecoderResult.failure(new IllegalArgumentException("unsupported HTTP version")));
            }
            if (request.decoderResult().isSuccess() && !wellFormed(request.uri())) {
                // The framework answers a URI it cannot parse on a stand-in request without our id
                // header, so its error body would name another id: refused here instead.
                request.setDecoderResult(DecoderResult.failure(new MalformedUriException()));
            }
            Refusal refusal = request.decoderResult().isFailure() ? Refusal.of(request.decoderResult().cause(), limits) : null;
            pending.add(new Exchange(id, request.method().name(), EdgeHeaders.pathOf(request.uri()), System.nanoTime(),
                    refusal));
            // The framework reads no body of a refused request; its content is dropped here.
            skipRequestContent = refusal != null && !(msg instanceof LastHttpContent);
        } else if (skipRequestContent && msg instanceof HttpContent content) {
            skipRequestContent = !(content instanceof LastHttpContent);
            ReferenceCountUtil.release(msg);
            return;
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof HttpResponse response && response.status().codeClass() != HttpStatusClass.INFORMATIONAL) {
            Exchange exchange = pending.poll();
            if (exchange == null) {
                exchange = new Exchange(RequestIds.fresh(), "-", "", System.nanoTime(), null);
            }
            if (exchange.refusal() != null) {
                skipResponseContent = !(msg instanceof LastHttpContent);
                ReferenceCountUtil.release(msg);
                FullHttpResponse refusal = refusal(exchange);
                log(exchange, refusal.status().code());
                ctx.write(refusal, promise).addListener(ChannelFutureListener.CLOSE);
                return;
            }
            EdgeHeaders.apply(response.headers(), exchange.path(), exchange.requestId(), response.status().code());
            log(exchange, response.status().code());
        } else if (skipResponseContent && msg instanceof HttpContent content) {
            skipResponseContent = !(content instanceof LastHttpContent);
            ReferenceCountUtil.release(msg);
            promise.setSuccess();
            return;
        }
        ctx.write(msg, promise);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        // Requests still waiting for their answer: the client went away (docs/operations.md, access log).
        inactive = true;
        for (Exchange exchange = pending.poll(); exchange != null; exchange = pending.poll()) {
            log(exchange, CLIENT_GONE);
        }
        super.channelInactive(ctx);
    }

    private FullHttpResponse refusal(Exchange exchange) {
        Refusal refusal = exchange.refusal();
        byte[] body = ErrorResponses.body(exchange.requestId(), refusal.code(), refusal.message(),
                Map.of("reason", refusal.reason()));
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(refusal.status()), Unpooled.wrappedBuffer(body));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        EdgeHeaders.apply(response.headers(), exchange.path(), exchange.requestId(), refusal.status());
        return response;
    }

    /** A request target the framework can parse: a URI whose path and query decode (docs/api.md, request rules). */
    static boolean wellFormed(String uri) {
        try {
            URI.create(uri);
            QueryStringDecoder decoder = new QueryStringDecoder(uri);
            decoder.path();
            decoder.parameters();
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static final class MalformedUriException extends IllegalArgumentException {
        MalformedUriException() {
            super("malformed request URI");
        }
    }

    /** A decoded path may hold line breaks and other control characters: none of them reaches a log line. */
    static String printable(String path) {
        StringBuilder out = new StringBuilder(Math.min(path.length(), 512));
        for (int i = 0; i < path.length() && i < 512; i++) {
            char c = path.charAt(i);
            out.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        return path.length() > 512 ? out.append("...").toString() : out.toString();
    }

    private void log(Exchange exchange, int status) {
        if (inactive && status != CLIENT_GONE) {
            return;
        }
        long durationMs = (System.nanoTime() - exchange.startedNanos()) / 1_000_000;
        try (MDC.MDCCloseable ignored = MDC.putCloseable(RequestIds.MDC_KEY, exchange.requestId())) {
            // Never the query string, headers or body: they can carry tokens, codes and passwords.
            ACCESS.info("method={} path={} status={} duration_ms={} request_id={}", exchange.method(),
                    printable(TokenPaths.redact(exchange.path())), status, durationMs, exchange.requestId());
        }
    }
}
