package io.dashshare.bootstrap.config;

import io.micronaut.context.BeanContext;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.env.Environment;
import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.convert.ConversionContext;
import io.micronaut.core.convert.ConversionError;
import io.micronaut.core.convert.ConversionService;
import io.micronaut.core.naming.NameUtils;
import io.micronaut.core.type.Argument;
import io.micronaut.inject.BeanDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Stops the start when a documented setting ({@link SharingProperties}) is set to a value of the
 * wrong kind: Micronaut's binding of a configuration record leaves such a member at its default
 * without a word, so {@code SHARING_CACHE_MAX_BYTES=lots} used to start a service with 8 MB and an
 * operator who believed otherwise (docs/operations.md, settings). Each value is converted again
 * here exactly as the binding converts it (the record's bean definition's constructor arguments, with
 * their format annotations such as {@code @ReadableBytes}), and every failure is named at once.
 * Written here because Micronaut has no switch for this; its validation module checks constraints
 * on values that did convert, not values that did not.
 */
@Context
final class SettingsCheck {

    SettingsCheck(BeanContext beans, Environment environment, ConversionService conversion) {
        List<String> wrong = new ArrayList<>();
        for (Class<?> group : SharingProperties.class.getDeclaredClasses()) {
            beans.findBeanDefinition(group)
                    .map(definition -> check(definition, environment, conversion))
                    .ifPresent(wrong::addAll);
        }
        if (!wrong.isEmpty()) {
            throw new IllegalStateException("invalid settings: " + String.join("; ", wrong));
        }
    }

    private static List<String> check(BeanDefinition<?> group, Environment environment,
                                      ConversionService conversion) {
        Optional<String> prefix = group.stringValue(ConfigurationProperties.class);
        if (prefix.isEmpty()) {
            return List.of();
        }
        List<String> wrong = new ArrayList<>();
        for (Argument<?> member : group.getConstructor().getArguments()) {
            String property = prefix.get() + "." + NameUtils.hyphenate(member.getName());
            Optional<String> raw = environment.getProperty(property, String.class);
            if (raw.isEmpty() || raw.get().isBlank()) {
                continue;
            }
            ArgumentConversionContext<?> context = ConversionContext.of(member);
            if (conversion.convert(raw.get(), context).isEmpty() || !switchLike(member, raw.get())) {
                wrong.add(variable(property) + " (" + property + ") = '" + raw.get() + "' is not "
                        + kind(member) + context.getLastError().map(SettingsCheck::why).orElse(""));
            }
        }
        return wrong;
    }

    /**
     * Micronaut reads any word but a few as {@code false} ({@code SHARING_AUDIT_ENABLED=ture} would turn
     * the audit log off): a switch must be one of the words it reads for sure.
     */
    private static boolean switchLike(Argument<?> member, String raw) {
        return member.getWrapperType() != Boolean.class || ServiceConfig.switchValue(raw).isPresent();
    }

    /** SHARING_QUERY_MAX_ROWS for sharing.query.max-rows: how the README names every setting. */
    static String variable(String property) {
        return property.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
    }

    private static String kind(Argument<?> member) {
        if (member.getAnnotationMetadata().hasAnnotation("io.micronaut.core.convert.format.ReadableBytes")) {
            return "a size (e.g. 8MB, 512KB or a number of bytes)";
        }
        Class<?> type = member.getWrapperType();
        if (type == java.time.Duration.class) {
            return "a duration (e.g. 30s, 500ms, 1m)";
        }
        if (type == Boolean.class) {
            return "true or false (yes/no, on/off)";
        }
        if (Number.class.isAssignableFrom(type)) {
            return "a whole number";
        }
        return "a " + type.getSimpleName();
    }

    private static String why(ConversionError error) {
        String message = error.getCause().getMessage();
        return message == null ? "" : " (" + message + ")";
    }
}
