package io.dashshare.domain.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dashshare.domain.dashboard.DashboardId;
import io.dashshare.domain.share.ShareId;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlotShareTest {

    @ParameterizedTest(name = "{1}% of {0} slots is {2} per dashboard")
    @CsvSource({
            "5, 50, 2",
            "10, 50, 5",
            "4, 50, 2",
            "3, 50, 1",
            "1, 50, 1",
            "2, 100, 2",
            "10, 30, 3",
            "10, 1, 1",
            "200, 1, 2"})
    void a_dashboard_may_hold_its_percentage_of_the_slots_rounded_down_and_at_least_one(int slots, int percent,
                                                                                         int perHolder) {
        assertThat(new SlotShare(percent).perHolder(slots)).isEqualTo(perHolder);
    }

    @ParameterizedTest(name = "wanting {0} holding {1} of 5 at 50% gets {2}")
    @CsvSource({
            "1, 0, 1",
            "3, 0, 2",
            "2, 1, 1",
            "1, 2, 0",
            "3, 2, 0",
            "1, 7, 0"})
    void a_dashboard_whose_share_is_full_is_refused_and_one_below_it_gets_what_is_left(int wanted, int held,
                                                                                     int granted) {
        assertThat(SlotShare.DEFAULT.grant(wanted, held, 5)).isEqualTo(granted);
    }

    @Property
    void no_holder_is_ever_granted_past_its_share_nor_more_than_it_wanted(@ForAll @IntRange(min = 1, max = 100) int percent,
                                                                          @ForAll @IntRange(min = 1, max = 500) int slots,
                                                                          @ForAll @IntRange(min = 1, max = 50) int wanted,
                                                                          @ForAll @IntRange(min = 0, max = 500) int held) {
        SlotShare share = new SlotShare(percent);
        int granted = share.grant(wanted, held, slots);

        assertThat(granted).isBetween(0, wanted);
        assertThat(held + granted).isLessThanOrEqualTo(Math.max(held, share.perHolder(slots)));
        if (held < share.perHolder(slots)) {
            assertThat(granted).as("below its share a holder always gets a slot").isPositive();
        }
        if (percent < 100 && slots > 1) {
            assertThat(share.perHolder(slots)).as("others keep at least one slot").isLessThan(slots);
        }
    }

    @Test
    void a_share_outside_1_to_100_percent_is_refused() {
        assertThatThrownBy(() -> new SlotShare(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SlotShare(101)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_dashboard_opened_through_a_share_is_counted_under_both() {
        DashboardId dashboard = new DashboardId(UUID.randomUUID());
        ShareId share = new ShareId(UUID.randomUUID());

        assertThat(SlotHolder.share(dashboard, share).keys()).containsExactly("dashboard:" + dashboard, "share:" + share);
        assertThat(SlotHolder.dashboard(dashboard).keys()).containsExactly("dashboard:" + dashboard);
    }
}
