package io.dashshare.application.port.in;

import io.dashshare.domain.context.ShareContextId;
import io.dashshare.domain.portal.SessionId;
import io.dashshare.domain.portal.ShareSession;
import java.util.List;

/** Owners see and end the portal sessions of the people a share context admits (docs/api.md, portal sessions). */
public interface ManagePortalSessionsUseCase {

    /** The active sessions of everyone the context admits now, by address or by domain; oldest first. */
    List<ShareSession> list(OwnerPrincipal owner, ShareContextId context);

    /**
     * Ends one of them: its access and refresh tokens are refused from the next request on, on
     * every instance. {@code NOT_FOUND} when the context does not admit that session's person.
     */
    void revoke(OwnerPrincipal owner, ShareContextId context, SessionId session);
}
