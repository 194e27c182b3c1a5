package io.dashshare.adapter.http.edge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EdgeHeadersTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "/api/v1/dashboards?a=%ZZ|/api/v1/dashboards",
            "/%61pi/v1/x|/api/v1/x",
            "/api/v1/x%|/api/v1/x%",
            "/api/v1/x%4|/api/v1/x%4",
            "/s/abc#frag|/s/abc",
            "http://host:8080/embed/d/t?x=1|/embed/d/t",
            "/caf%C3%A9|/café",
            "''|''"})
    void a_path_is_decoded_where_its_encoding_is_valid_and_kept_where_not(String uri, String path) {
        assertThat(EdgeHeaders.pathOf(uri)).isEqualTo(path);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"/api/v1/x,true", "/s/t,true", "/embed/d/t,true", "/console/dashboards,true", "/console,true",
            "/assets/viewer/x.js,false", "/health,false", "/portal/acme,false", "/apix,false"})
    void cache_control_no_store_covers_the_documented_paths(String path, boolean noStore) {
        assertThat(EdgeHeaders.private_(path)).isEqualTo(noStore);
    }
}
