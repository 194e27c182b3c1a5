package io.dashshare.adapter.persistence;

import io.dashshare.domain.error.SharingException;

/** The uniqueness failures the ports promise, worded as the in-memory adapters word them. */
final class Conflicts {

    private Conflicts() {
    }

    static SharingException dashboardSlugTaken() {
        return SharingException.invalidRequest("slug", "slug: this company already has a dashboard with that slug");
    }

    static SharingException companySlugTaken() {
        return SharingException.invalidRequest("slug", "slug: another company already uses that slug");
    }

    static SharingException ownerEmailTaken() {
        return SharingException.invalidRequest("email", "email: an account with that email already exists");
    }

    static SharingException memberEmailTaken() {
        return SharingException.invalidRequest("email", "email: already a member of this share context");
    }

    static SharingException kidTaken() {
        return SharingException.invalidRequest("kid", "kid: another company already uses that key id");
    }
}
