package io.dashshare.domain.tenant;

import io.dashshare.domain.error.ErrorCode;
import io.dashshare.domain.error.SharingException;
import java.util.List;
import java.util.Map;

/**
 * A company never loses its last active admin (docs/api.md, owners): nobody could manage its
 * owners, keys or settings any more, and only an operator could bring it back.
 */
public final class LastAdmin {

    private LastAdmin() {
    }

    /**
     * Refuses with 409 {@code CONFLICT} when {@code before} is the company's only active admin and
     * {@code after} is not an active admin ({@code null}: the owner is removed).
     */
    public static void check(List<OwnerAccount> owners, OwnerAccount before, OwnerAccount after) {
        if (!before.isActiveAdmin() || (after != null && after.isActiveAdmin())) {
            return;
        }
        boolean another = owners.stream().anyMatch(o -> !o.id().equals(before.id()) && o.isActiveAdmin());
        if (!another) {
            throw new SharingException(ErrorCode.CONFLICT,
                    "The company's last active admin can be neither demoted, disabled nor removed.",
                    Map.of("reason", "last_admin"));
        }
    }
}
