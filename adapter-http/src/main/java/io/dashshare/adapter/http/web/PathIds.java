package io.dashshare.adapter.http.web;

import io.dashshare.domain.common.Ids;
import io.dashshare.domain.error.SharingException;
import java.util.UUID;

/** Ids in paths: anything but a canonical UUID cannot name an existing resource, so it is 404. */
public final class PathIds {

    private PathIds() {
    }

    public static UUID id(String text, String what) {
        return Ids.parse(text).orElseThrow(() -> SharingException.notFound(what));
    }
}
