package io.dashshare.application.port.in;

import java.util.Objects;

/**
 * A person who just proved who they are (a login, an accepted invite): the principal and the
 * token generation of their account, which the access token about to be issued must carry
 * (docs/tokens.md, owner tokens).
 */
public record SignedInOwner(OwnerPrincipal principal, long tokenGeneration) {

    public SignedInOwner {
        Objects.requireNonNull(principal, "principal");
        if (!(principal.actor() instanceof OwnerPrincipal.Actor.Person)) {
            throw new IllegalArgumentException("only a person signs in");
        }
    }

    public OwnerPrincipal.Actor.Person person() {
        return (OwnerPrincipal.Actor.Person) principal.actor();
    }
}
