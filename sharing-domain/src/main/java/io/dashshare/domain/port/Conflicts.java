package io.dashshare.domain.port;

import io.dashshare.domain.error.ErrorCode;
import io.dashshare.domain.error.SharingException;
import java.util.Map;

/**
 * The uniqueness failures the ports promise: 409 {@code CONFLICT} naming the field that is taken
 * (docs/errors.md#codes), worded once so that every adapter of a port answers exactly the same.
 */
public final class Conflicts {

    private Conflicts() {
    }

    private static SharingException taken(String field, String message) {
        return new SharingException(ErrorCode.CONFLICT, message, Map.of("field", field));
    }

    public static SharingException dashboardSlugTaken() {
        return taken("slug", "slug: this company already has a dashboard with that slug");
    }

    public static SharingException companySlugTaken() {
        return taken("slug", "slug: another company already uses that slug");
    }

    public static SharingException ownerEmailTaken() {
        return taken("email", "email: already an owner of this company");
    }

    public static SharingException memberEmailTaken() {
        return taken("email", "email: already a member of this share context");
    }

    public static SharingException memberDomainTaken() {
        return taken("domain", "domain: already a member of this share context");
    }

    public static SharingException kidTaken() {
        return taken("kid", "kid: another company already uses that key id");
    }
}
