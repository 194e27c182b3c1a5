/**
 * Deliberate breaches of the hexagon, laid out like production under this package
 * ({@code domain}, {@code application}, {@code adapter.*}, {@code bootstrap}). Each rule of
 * {@link io.dashshare.architecture.HexagonRules} must report the class named for it here.
 * Classes outside a {@code bad} or {@code cycle*} package are well-behaved stand-ins that the
 * bad ones refer to.
 */
package io.dashshare.architecture.violations;
