package io.dashshare.domain.execution;

import io.dashshare.domain.dashboard.DashboardId;
import io.dashshare.domain.share.ShareId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Who holds a data source's slots during one execution or export: always a dashboard, and the
 * share it was opened through when there is one (public links, the portal; not embeds nor the
 * owner's preview). {@link SlotShare} caps each of them: a share can reach several dashboards
 * through a portal context, so its own cap is not implied by theirs.
 */
public record SlotHolder(DashboardId dashboard, ShareId share) {

    public SlotHolder {
        Objects.requireNonNull(dashboard, "dashboard");
    }

    public static SlotHolder dashboard(DashboardId dashboard) {
        return new SlotHolder(dashboard, null);
    }

    public static SlotHolder share(DashboardId dashboard, ShareId share) {
        return new SlotHolder(dashboard, Objects.requireNonNull(share, "share"));
    }

    public Optional<ShareId> shareId() {
        return Optional.ofNullable(share);
    }

    /** The names the executor counts slots under, one per capped holder. */
    public List<String> keys() {
        return share == null ? List.of("dashboard:" + dashboard)
                : List.of("dashboard:" + dashboard, "share:" + share);
    }
}
