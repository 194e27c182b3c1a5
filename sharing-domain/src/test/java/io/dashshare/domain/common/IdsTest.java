package io.dashshare.domain.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.dashshare.domain.embed.EmbedKeyId;
import java.util.UUID;
import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** The hand-written shape checks of ids and kids say what the regexes they replaced said. */
class IdsTest {

    private static final Pattern UUID_SHAPE =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern KID_SHAPE = Pattern.compile("[A-Za-z0-9_-]{8,64}");

    @Test
    void canonical_uuids_only() {
        UUID id = UUID.randomUUID();
        assertThat(Ids.parse(id.toString())).contains(id);
        assertThat(Ids.parse(id.toString().toUpperCase())).contains(id);
        assertThat(Ids.parse("1-2-3-4-5")).isEmpty();
        assertThat(Ids.parse(id.toString().replace('-', '_'))).isEmpty();
        assertThat(Ids.parse(id + " ")).isEmpty();
        assertThat(Ids.parse("g" + id.toString().substring(1))).isEmpty();
        assertThat(Ids.parse(null)).isEmpty();
    }

    @Property
    void uuid_check_agrees_with_the_regex(@ForAll @StringLength(min = 30, max = 40)
                                          @CharRange(from = '0', to = '9') @CharRange(from = 'a', to = 'h')
                                          @CharRange(from = 'A', to = 'G') @Chars({'-', '_'}) String text) {
        assertThat(Ids.isCanonical(text)).isEqualTo(UUID_SHAPE.matcher(text).matches());
    }

    @Property
    void uuid_check_agrees_on_near_uuids(@ForAll int position, @ForAll @CharRange(from = ' ', to = '~') char c) {
        char[] text = UUID.randomUUID().toString().toCharArray();
        text[Math.floorMod(position, 36)] = c;
        String s = new String(text);
        assertThat(Ids.isCanonical(s)).isEqualTo(UUID_SHAPE.matcher(s).matches());
    }

    @Property
    void kid_check_agrees_with_the_regex(@ForAll @StringLength(max = 70) @CharRange(from = ' ', to = '~') String text) {
        assertThat(EmbedKeyId.isValid(text)).isEqualTo(KID_SHAPE.matcher(text).matches());
    }

    @Property
    void kid_check_agrees_on_kid_alphabet(@ForAll @StringLength(max = 70) @CharRange(from = 'A', to = 'z')
                                          @Chars({'-', '_', '0', '9', '.'}) String text) {
        assertThat(EmbedKeyId.isValid(text)).isEqualTo(KID_SHAPE.matcher(text).matches());
    }
}
