package io.dashshare.application.port.in;

import io.dashshare.domain.dashboard.DashboardId;

/**
 * Mints a stateless embed token with the company's newest active key. Params that are no filter,
 * required params neither allowed nor fixed, badly typed fixed values and an {@code expires_in}
 * over the cap are {@code INVALID_REQUEST}.
 */
public interface IssueEmbedTokenUseCase {

    IssuedEmbedToken issue(OwnerPrincipal owner, DashboardId dashboard, EmbedRequest request);
}
