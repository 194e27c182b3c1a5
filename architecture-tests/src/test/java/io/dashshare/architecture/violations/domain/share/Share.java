package io.dashshare.architecture.violations.domain.share;

public record Share(String token) {
}
