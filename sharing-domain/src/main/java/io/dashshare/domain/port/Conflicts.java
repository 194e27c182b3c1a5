package io.dashshare.domain.port;

import io.dashshare.domain.error.SharingException;

/**
 * The uniqueness failures the ports promise ({@code INVALID_REQUEST} naming the field), worded
 * once so that every adapter of a port answers exactly the same.
 */
public final class Conflicts {

    private Conflicts() {
    }

    public static SharingException dashboardSlugTaken() {
        return SharingException.invalidRequest("slug", "slug: this company already has a dashboard with that slug");
    }

    public static SharingException companySlugTaken() {
        return SharingException.invalidRequest("slug", "slug: another company already uses that slug");
    }

    public static SharingException ownerEmailTaken() {
        return SharingException.invalidRequest("email", "email: an account with that email already exists");
    }

    public static SharingException memberEmailTaken() {
        return SharingException.invalidRequest("email", "email: already a member of this share context");
    }

    public static SharingException memberDomainTaken() {
        return SharingException.invalidRequest("domain", "domain: already a member of this share context");
    }

    public static SharingException kidTaken() {
        return SharingException.invalidRequest("kid", "kid: another company already uses that key id");
    }
}
