package io.dashshare.application.port.in;

import io.dashshare.domain.dashboard.Dashboard;
import io.dashshare.domain.dashboard.DashboardId;
import io.dashshare.domain.embed.EmbedKey;
import io.dashshare.domain.embed.EmbedKeyId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Embed key rotation and instant revocation of stateless tokens. */
public interface ManageEmbedKeysUseCase {

    List<EmbedKey> list(OwnerPrincipal owner);

    CreatedEmbedKey create(OwnerPrincipal owner);

    /** A retired key verifies nothing from now on; tokens signed with it are {@code TOKEN_INVALID}. */
    EmbedKey retire(OwnerPrincipal owner, EmbedKeyId keyId);

    /** Refuses the dashboard's embed tokens issued before {@code cutoff} (default: now). */
    Dashboard refuseTokensIssuedBefore(OwnerPrincipal owner, DashboardId dashboard, Optional<Instant> cutoff);
}
