package io.dashshare.adapter.http.page;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The HTML shells, read once from the classpath ({@code viewer/pages/}); callers only send them. */
@Singleton
public final class PageShells {

    private final byte[] publicLink = read("public.html");
    private final byte[] portal = read("portal.html");
    private final byte[] embed = read("embed.html");
    private final byte[] invite = read("invite.html");
    private final byte[] console = read("console.html");

    byte[] publicLink() {
        return publicLink;
    }

    byte[] portal() {
        return portal;
    }

    byte[] embed() {
        return embed;
    }

    byte[] invite() {
        return invite;
    }

    byte[] console() {
        return console;
    }

    private static byte[] read(String name) {
        String path = "viewer/pages/" + name;
        try (InputStream in = PageShells.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing page shell on the classpath: " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
