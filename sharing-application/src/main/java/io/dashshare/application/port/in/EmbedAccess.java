package io.dashshare.application.port.in;

import io.dashshare.domain.dashboard.Dashboard;
import io.dashshare.domain.embed.EmbedClaims;
import io.dashshare.domain.tenant.Company;

/**
 * An embed token that {@link ViewEmbedUseCase#open} verified, for the length of one request:
 * whatever the request does next (headers, info, execute, options) reuses this verification
 * instead of reading the key, the company and the dashboard again.
 */
public record EmbedAccess(Company company, Dashboard dashboard, EmbedClaims claims) {
}
