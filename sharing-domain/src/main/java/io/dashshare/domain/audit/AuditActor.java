package io.dashshare.domain.audit;

import java.util.Objects;

/**
 * Who made an event, as far as the flow knows (docs/api.md, audit log): nobody for a public link,
 * the portal viewer's email, the embed token's {@code jti} and {@code sub}, the owner, the API
 * key, or the operator. Never a token, code or secret.
 */
public sealed interface AuditActor {

    /** {@code anonymous}, {@code email}, {@code embed}, {@code owner}, {@code api_key} or {@code operator}. */
    String type();

    record Anonymous() implements AuditActor {
        public String type() {
            return "anonymous";
        }
    }

    record Email(String email) implements AuditActor {
        public Email {
            Objects.requireNonNull(email, "email");
        }

        public String type() {
            return "email";
        }
    }

    /** An embed token's {@code jti} and {@code sub} (either may be absent: sub is optional, a refused token may lack a jti). */
    record Embed(String jti, String subject) implements AuditActor {
        public String type() {
            return "embed";
        }
    }

    record Owner(String id, String email) implements AuditActor {
        public Owner {
            Objects.requireNonNull(id, "id");
        }

        public String type() {
            return "owner";
        }
    }

    record ApiKey(String id, String name) implements AuditActor {
        public ApiKey {
            Objects.requireNonNull(id, "id");
        }

        public String type() {
            return "api_key";
        }
    }

    record Operator() implements AuditActor {
        public String type() {
            return "operator";
        }
    }

    AuditActor ANONYMOUS = new Anonymous();
    AuditActor OPERATOR = new Operator();
}
