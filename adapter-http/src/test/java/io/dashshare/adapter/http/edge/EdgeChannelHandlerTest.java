package io.dashshare.adapter.http.edge;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The edge handler on a channel with Netty's real HTTP codec and a stand-in for the framework that
 * answers every request the way Micronaut does (including its bare answer to a request the
 * decoder refused): what reaches the wire is what a client sees.
 */
class EdgeChannelHandlerTest {

    private static final int MAX_LINE = 256;
    private static final int MAX_HEADERS = 512;

    private final List<HttpRequest> seen = new ArrayList<>();
    private final ListAppender<ILoggingEvent> access = new ListAppender<>();
    private EmbeddedChannel channel;

    /** Micronaut's part: a 200 with whatever CSP a page or the embed filter set, or its bare refusal. */
    private final class Framework extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            HttpRequest request = (HttpRequest) msg;
            seen.add(request);
            boolean refused = request.decoderResult().isFailure();
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                    refused ? HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE : HttpResponseStatus.OK,
                    Unpooled.copiedBuffer(refused ? "{\"error_code\":\"PAYLOAD_TOO_LARGE\"}" : "ok", StandardCharsets.UTF_8));
            if (request.uri().startsWith("/api/embed/")) {
                response.headers().set("Content-Security-Policy", "frame-ancestors https://app.example");
            }
            if (request.uri().startsWith("/s/")) {
                response.headers().set("Content-Security-Policy", "default-src 'self'; frame-ancestors *");
            }
            ReferenceCountUtil.release(msg);
            ctx.writeAndFlush(response);
        }
    }

    @BeforeEach
    void channel() {
        channel = new EmbeddedChannel(new HttpServerCodec(MAX_LINE, MAX_HEADERS, 8192),
                new EdgeChannelHandler(new EdgeChannelHandler.Limits(MAX_LINE, MAX_HEADERS)),
                new HttpObjectAggregator(1 << 20), new Framework());
        access.start();
        ((Logger) LoggerFactory.getLogger(EdgeFilter.ACCESS_LOGGER)).addAppender(access);
    }

    @AfterEach
    void close() {
        ((Logger) LoggerFactory.getLogger(EdgeFilter.ACCESS_LOGGER)).detachAppender(access);
        channel.finishAndReleaseAll();
    }

    private String exchange(String request) {
        channel.writeInbound(Unpooled.copiedBuffer(request, StandardCharsets.ISO_8859_1));
        StringBuilder wire = new StringBuilder();
        for (Object out = channel.readOutbound(); out != null; out = channel.readOutbound()) {
            ByteBuf bytes = (ByteBuf) out;
            wire.append(bytes.toString(StandardCharsets.UTF_8));
            bytes.release();
        }
        return wire.toString();
    }

    private static String header(String wire, String name) {
        for (String line : wire.split("\r\n")) {
            if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                return line.substring(name.length() + 1).trim();
            }
            if (line.isEmpty()) {
                break;
            }
        }
        return null;
    }

    private static String body(String wire) {
        return wire.substring(wire.indexOf("\r\n\r\n") + 4);
    }

    private static void assertDocumentedHeaders(String wire) {
        assertThat(header(wire, "X-Request-Id")).matches("[0-9a-f]{24}");
        assertThat(header(wire, "Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(header(wire, "X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void an_answer_gets_the_request_id_the_framework_saw_and_the_documented_headers() {
        String wire = exchange("GET /api/v1/dashboards HTTP/1.1\r\nHost: x\r\nX-Request-Id: chosen-by-the-client\r\n\r\n");
        assertThat(wire).startsWith("HTTP/1.1 200 OK");
        assertDocumentedHeaders(wire);
        assertThat(header(wire, "X-Request-Id")).isEqualTo(seen.get(0).headers().get("X-Request-Id"))
                .isNotEqualTo("chosen-by-the-client");
        assertThat(header(wire, "Cache-Control")).isEqualTo("no-store");
        assertThat(header(wire, "Content-Security-Policy")).isEqualTo("frame-ancestors 'none'");
        assertThat(header(wire, "X-Frame-Options")).isEqualTo("DENY");
        assertThat(access.list).singleElement().extracting(ILoggingEvent::getFormattedMessage).asString()
                .contains("method=GET path=/api/v1/dashboards status=200");
    }

    @Test
    void a_page_keeps_its_policy_but_may_be_framed_by_no_one_and_an_embed_keeps_its_origins() {
        String page = exchange("GET /s/token HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(header(page, "Content-Security-Policy")).isEqualTo("default-src 'self'; frame-ancestors 'none'");
        String embed = exchange("GET /api/embed/d/token/info HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(header(embed, "Content-Security-Policy")).isEqualTo("frame-ancestors https://app.example");
        assertThat(header(embed, "X-Frame-Options")).isNull();
        assertThat(access.list.get(1).getFormattedMessage()).contains("path=/api/embed/d/{token}/info");
    }

    @Test
    void a_query_with_bad_percent_encoding_is_still_an_api_path() {
        String wire = exchange("GET /api/v1/dashboards?a=%ZZ HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(wire).startsWith("HTTP/1.1 400 ").contains("\"reason\":\"malformed_uri\"");
        assertThat(header(wire, "Cache-Control")).isEqualTo("no-store");
        assertThat(wire).contains("\"request_id\":\"" + header(wire, "X-Request-Id") + "\"");
        // the refusal closed that connection
        close();
        channel();
        String encoded = exchange("GET /%61pi/v1/x HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(header(encoded, "Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void headers_over_the_limit_are_431_PAYLOAD_TOO_LARGE_naming_the_headers_and_the_connection_closes() {
        String wire = exchange("GET /api/embed/d/t/info HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                + "a".repeat(MAX_HEADERS * 2) + "\r\n\r\n");
        assertThat(wire).startsWith("HTTP/1.1 431 ");
        assertDocumentedHeaders(wire);
        assertThat(header(wire, "Content-Type")).isEqualTo("application/json");
        assertThat(header(wire, "Cache-Control")).isEqualTo("no-store");
        assertThat(header(wire, "Content-Security-Policy")).isEqualTo("frame-ancestors 'none'");
        assertThat(header(wire, "Connection")).isEqualTo("close");
        assertThat(body(wire)).contains("\"error_code\":\"PAYLOAD_TOO_LARGE\"", "\"reason\":\"headers_too_large\"",
                "\"request_id\":\"" + header(wire, "X-Request-Id") + "\"", "512 bytes");
        assertThat(Integer.parseInt(header(wire, "Content-Length"))).isEqualTo(body(wire).getBytes(StandardCharsets.UTF_8).length);
        assertThat(channel.isOpen()).isFalse();
        assertThat(access.list).singleElement().extracting(ILoggingEvent::getFormattedMessage).asString()
                .contains("status=431");
    }

    @Test
    void a_request_line_over_the_limit_is_414_PAYLOAD_TOO_LARGE_naming_the_line() {
        String wire = exchange("GET /api/v1/x?search=" + "a".repeat(MAX_LINE * 2) + " HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(wire).startsWith("HTTP/1.1 414 ");
        assertDocumentedHeaders(wire);
        assertThat(body(wire)).contains("\"error_code\":\"PAYLOAD_TOO_LARGE\"", "\"reason\":\"request_line_too_long\"");
    }

    @Test
    void a_header_with_a_nul_byte_and_an_unknown_http_version_are_400_INVALID_REQUEST() {
        String nul = exchange("GET /api/v1/x HTTP/1.1\r\nHost: x\r\nX-A: a\u0000b\r\n\r\n");
        assertThat(nul).startsWith("HTTP/1.1 400 ");
        assertDocumentedHeaders(nul);
        assertThat(body(nul)).contains("\"error_code\":\"INVALID_REQUEST\"", "\"reason\":\"malformed_http\"");
        channel();
        String version = exchange("GET /api/v1/x HTTP/9.9\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc");
        assertThat(version).startsWith("HTTP/1.1 400 ");
        assertThat(body(version)).contains("\"reason\":\"malformed_http\"");
    }

    @Test
    void pipelined_requests_get_their_own_ids_in_order() {
        String wire = exchange("GET /api/v1/a HTTP/1.1\r\nHost: x\r\n\r\nGET /assets/b.js HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(seen).hasSize(2);
        assertThat(wire).contains("X-Request-Id: " + seen.get(0).headers().get("X-Request-Id"),
                "X-Request-Id: " + seen.get(1).headers().get("X-Request-Id"));
        assertThat(access.list.get(1).getFormattedMessage()).contains("path=/assets/b.js status=200");
    }

    @Test
    void a_client_that_leaves_before_its_answer_is_one_info_line_with_status_499() {
        EmbeddedChannel silent = new EmbeddedChannel(new HttpServerCodec(),
                new EdgeChannelHandler(new EdgeChannelHandler.Limits(MAX_LINE, MAX_HEADERS)),
                new ChannelInboundHandlerAdapter() {
                    @Override
                    public void channelRead(ChannelHandlerContext ctx, Object msg) {
                        ReferenceCountUtil.release(msg);
                    }
                });
        silent.writeInbound(Unpooled.copiedBuffer("POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{",
                StandardCharsets.ISO_8859_1));
        silent.close();
        assertThat(access.list).singleElement().satisfies(line -> {
            assertThat(line.getLevel().toString()).isEqualTo("INFO");
            assertThat(line.getFormattedMessage()).contains("method=POST path=/api/v1/auth/login status=499");
        });
    }

    @Test
    void a_logged_path_holds_no_control_characters() {
        exchange("GET /api/v1/x%0Aforged=1%00 HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(access.list.get(0).getFormattedMessage()).contains("path=/api/v1/x?forged=1? ").doesNotContain("\n");
    }
}
