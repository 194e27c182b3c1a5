package io.dashshare.adapter.http.viewer;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** The one answer to every well-formed code request, whoever asks (docs/security.md, codes). */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CodeRequestAccepted(String status, String message) {

    public static final CodeRequestAccepted ANSWER = new CodeRequestAccepted("accepted",
            "If this email may see dashboards of this company, a code is on its way.");
}
