/**
 * Deliberate breaches of the hexagon, laid out like production under this package
 * ({@code domain}, {@code inmemory}, {@code application}, {@code adapter.*}, {@code bootstrap}).
 * Each rule of {@link io.dashshare.architecture.HexagonRules} must report the class named for it
 * here. Classes in a {@code bad} or {@code cycle*} package, or named {@code Cycles*}, are the
 * breaches; the others are well-behaved stand-ins that the bad ones refer to, and that the rules
 * must leave alone.
 */
package io.dashshare.architecture.violations;
