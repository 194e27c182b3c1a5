package io.dashshare.domain.execution;

/** A result column: its name and a portable type ({@code number}, {@code text}, {@code date}, {@code timestamp}, {@code boolean}, {@code json}). */
public record Column(String name, String type) {
}
