package io.dashshare.bootstrap.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for the requests {@code java.net.http} refuses to send (bytes a
 * header may not hold, malformed URIs, oversized request lines, bodies shorter than declared):
 * exactly the bytes given go out, and the answer is read until the server closes the connection.
 */
final class RawHttp {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String host;
    private final int port;

    RawHttp(String baseUrl) {
        java.net.URI uri = java.net.URI.create(baseUrl);
        this.host = uri.getHost();
        this.port = uri.getPort();
    }

    /** The answer to a request built from its parts; {@code Connection: close} and the length are added. */
    Answer request(String method, String target, Map<String, String> headers, byte[] body) {
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host).append(':').append(port).append("\r\nConnection: close\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (body != null) {
            bytes.writeBytes(body);
        }
        return send(bytes.toByteArray());
    }

    /** The answer to exactly these bytes (the request should say {@code Connection: close}). */
    Answer send(byte[] request) {
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (IOException e) {
                // The server may answer and close before it has read everything (a refused header).
            }
            return Answer.parse(readAll(socket.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends a request that declares more body than it sends, then closes the connection. */
    void sendAndLeave(byte[] request, long millisBeforeLeaving) {
        try (Socket socket = new Socket(host, port)) {
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            Thread.sleep(millisBeforeLeaving);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException | java.net.SocketException e) {
            // what arrived is the answer (a reset after the answer is the server closing early)
        }
        return out.toByteArray();
    }

    /** One answer: status, headers by lower-case name (the last of each), body (de-chunked). */
    record Answer(int status, Map<String, String> headers, String body, String raw) {

        static Answer parse(byte[] bytes) {
            String raw = new String(bytes, StandardCharsets.ISO_8859_1);
            int end = raw.indexOf("\r\n\r\n");
            if (!raw.startsWith("HTTP/1.1 ") || end < 0) {
                return new Answer(-1, Map.of(), "", raw);
            }
            String[] lines = raw.substring(0, end).split("\r\n");
            int status = Integer.parseInt(lines[0].substring(9, 12));
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
            byte[] rest = java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length);
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                rest = dechunk(rest);
            }
            return new Answer(status, headers, new String(rest, StandardCharsets.UTF_8), raw);
        }

        private static byte[] dechunk(byte[] chunked) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int at = 0;
            while (at < chunked.length) {
                int lineEnd = indexOfCrLf(chunked, at);
                if (lineEnd < 0) {
                    break;
                }
                String size = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].trim();
                int length = size.isEmpty() ? 0 : Integer.parseInt(size, 16);
                if (length == 0) {
                    break;
                }
                int from = lineEnd + 2;
                out.write(chunked, from, Math.min(length, chunked.length - from));
                at = from + length + 2;
            }
            return out.toByteArray();
        }

        private static int indexOfCrLf(byte[] bytes, int from) {
            for (int i = from; i + 1 < bytes.length; i++) {
                if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                    return i;
                }
            }
            return -1;
        }

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + raw, e);
            }
        }

        @Override
        public String toString() {
            return raw.length() > 2000 ? raw.substring(0, 2000) + "..." : raw;
        }
    }
}
