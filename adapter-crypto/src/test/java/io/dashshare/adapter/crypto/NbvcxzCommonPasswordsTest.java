package io.dashshare.adapter.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NbvcxzCommonPasswordsTest {

    private static final NbvcxzCommonPasswords COMMON = new NbvcxzCommonPasswords();

    @ParameterizedTest
    @ValueSource(strings = {"password1234", "qwertyuiop123", "PASSWORD1234", "Password1234", "QwErTyUiOp123",
            "letmein12345", "dragon123456", "iloveyou2024!", "abcdefghijkl", "111111111111", "123456789012",
            "correct horse battery staple"})
    void refusesWhatGuessersTryFirst(String password) {
        assertThat(COMMON.isCommon(password)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tulip-ocean-marble-42", "Xk9#mP2$vL7q", "9vQx2LpW7zRt", "sunflower-keyboard-77",
            "velvet otter climbs the lighthouse"})
    void acceptsPasswordsThatAreNot(String password) {
        assertThat(COMMON.isCommon(password)).isFalse();
    }

    @Test
    void judgesALongPasswordByItsFirst64Characters() {
        assertThat(COMMON.isCommon("password".repeat(32))).isTrue();
        assertThat(COMMON.isCommon("Xk9#mP2$vL7q".repeat(21))).isFalse();
    }

    /** The heap in use before any check of this class ran (nbvcxz's 20 MB of statics would stay after). */
    private static long baseline;

    @BeforeAll
    static void measureTheHeapBeforeAnyCheck() throws InterruptedException {
        baseline = used(Runtime.getRuntime());
    }

    @Test
    void keeps_no_copy_of_the_dictionaries_after_a_check() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            COMMON.isCommon("another password to judge " + i);
        }
        assertThat(used(Runtime.getRuntime()) - baseline).as("bytes retained").isLessThan(8_000_000L);
    }

    private static long used(Runtime runtime) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
