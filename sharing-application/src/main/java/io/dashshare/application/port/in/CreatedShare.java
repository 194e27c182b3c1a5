package io.dashshare.application.port.in;

import io.dashshare.domain.share.Share;

/** A share with its plain token and viewer URL: shown once, at creation or rotation, never again. */
public record CreatedShare(Share share, String token, String url) {

    @Override
    public String toString() {
        return "CreatedShare[" + share.id() + ", token=redacted]";
    }
}
