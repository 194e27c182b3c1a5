package io.dashshare.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.dashshare.domain.sql.SqlParam;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's reuse claim, checked on every build: the core runs with nothing but itself. */
class ReuseExampleTest {

    @Test
    void a_fixed_policy_holds_inside_another_application() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ReuseExample.Outcome outcome = ReuseExample.run(new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(outcome.shareUrl()).startsWith("https://dashboards.example.com/s/");
        assertThat(outcome.north().widgets().get(0).result().orElseThrow().rows())
                .containsExactly(List.of(new BigDecimal("1250.00")));
        assertThat(outcome.southRefusal()).isEqualTo("SHARE_FILTER_POLICY_VIOLATION");
        assertThat(outcome.executor().statementsSeen()).allSatisfy(statement -> {
            assertThat(statement.sql()).isEqualTo("select revenue from sales where region = ?");
            assertThat(statement.parameters()).containsExactly(new SqlParam.TextParam("north"));
        });
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("South: refused with SHARE_FILTER_POLICY_VIOLATION");
    }
}
