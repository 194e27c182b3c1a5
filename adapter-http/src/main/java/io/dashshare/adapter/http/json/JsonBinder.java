package io.dashshare.adapter.http.json;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dashshare.domain.error.InvalidValueException;
import io.dashshare.domain.filter.RawValue;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Binds a strictly parsed JSON tree ({@link Json#parse}) to a request record, member by member,
 * with every refusal an {@link InvalidValueException} naming the exact path
 * ({@code share_filter_policies[0].mode}). Record components are camelCase, JSON members
 * snake_case (or the name a {@link JsonProperty} gives, for Java keywords such as {@code default}).
 *
 * <p>Written here rather than left to Micronaut Serialization, which on this platform turns
 * {@code [1]} into {@code "1"}, {@code "36"} into 36, {@code 3600.5} into 3600, a number into a
 * string, accepts trailing content and reads decimals as doubles: a filter value or a policy must
 * not go through any of that (docs/api.md, request bodies). The rules: unknown members are
 * refused; a component that is not {@link Optional}, {@link Change} or {@code Object} is required
 * ({@code null} counts as missing); an {@code Optional} member may be left out but not sent as
 * {@code null}; a {@link Change} member takes {@code null} as "clear"; an {@code Object} or
 * {@link RawValue} member takes any JSON value as it is.
 *
 * <p>Text PostgreSQL cannot store is refused at the member that holds it ({@link StorableText}).
 */
public final class JsonBinder {

    private static final Map<Class<?>, Plan> PLANS = new ConcurrentHashMap<>();

    private JsonBinder() {
    }

    /** The whole body as a record of {@code type}; the body must be a JSON object. */
    public static <T> T bind(Object tree, Class<T> type) {
        return type.cast(record(tree, type, ""));
    }

    private record Member(String json, Type type) {
    }

    private record Plan(Constructor<?> constructor, List<Member> members, Map<String, Member> byName) {
    }

    private static Plan plan(Class<?> type) {
        return PLANS.computeIfAbsent(type, t -> {
            if (!t.isRecord()) {
                throw new IllegalStateException(t + " is not a record");
            }
            RecordComponent[] components = t.getRecordComponents();
            Class<?>[] types = new Class<?>[components.length];
            List<Member> members = new ArrayList<>();
            Map<String, Member> byName = new LinkedHashMap<>();
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                // JsonProperty cannot target a record component, so Java puts it on the accessor (and field).
                JsonProperty named = components[i].getAccessor().getAnnotation(JsonProperty.class);
                String json = named != null && !named.value().isEmpty() ? named.value() : snakeCase(components[i].getName());
                Member member = new Member(json, components[i].getGenericType());
                members.add(member);
                byName.put(member.json(), member);
            }
            try {
                Constructor<?> constructor = t.getDeclaredConstructor(types);
                constructor.setAccessible(true);
                return new Plan(constructor, List.copyOf(members), byName);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    static String snakeCase(String name) {
        StringBuilder out = new StringBuilder();
        for (char c : name.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('_').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static Object record(Object tree, Class<?> type, String path) {
        if (!(tree instanceof Map<?, ?> node)) {
            throw refused(path.isEmpty() ? "body" : path, "must be a JSON object");
        }
        Plan plan = plan(type);
        for (Object key : node.keySet()) {
            if (!plan.byName().containsKey(key)) {
                throw refused(join(path, StorableText.printable(key.toString())), "is not a known field");
            }
        }
        Object[] values = new Object[plan.members().size()];
        for (int i = 0; i < values.length; i++) {
            Member member = plan.members().get(i);
            values[i] = member(node, member, join(path, member.json()));
        }
        try {
            return plan.constructor().newInstance(values);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object member(Map<?, ?> node, Member member, String field) {
        boolean present = node.containsKey(member.json());
        Object value = node.get(member.json());
        Class<?> raw = rawClass(member.type());
        if (raw == Optional.class) {
            if (!present) {
                return Optional.empty();
            }
            if (value == null) {
                throw refused(field, "must not be null (leave it out instead)");
            }
            return Optional.of(value(value, argument(member.type()), field));
        }
        if (raw == Change.class) {
            if (!present) {
                return Change.unchanged();
            }
            return value == null ? new Change.Cleared<>() : new Change.To<>(value(value, argument(member.type()), field));
        }
        if (raw == Object.class || raw == RawValue.class) {
            return value(value, member.type(), field);
        }
        if (value == null) {
            throw refused(field, "is required");
        }
        return value(value, member.type(), field);
    }

    private static Object value(Object value, Type type, String field) {
        Class<?> raw = rawClass(type);
        if (raw == Object.class) {
            StorableText.check(value, field, true);
            return value;
        }
        if (raw == RawValue.class) {
            StorableText.check(value, field, false);
            return RawValue.fromPlain(value);
        }
        if (value == null) {
            throw refused(field, "must not be null");
        }
        if (raw == String.class) {
            if (value instanceof String s) {
                StorableText.check(s, field, true);
                return s;
            }
            throw refused(field, "must be a string");
        }
        if (raw == Boolean.class || raw == boolean.class) {
            if (value instanceof Boolean b) {
                return b;
            }
            throw refused(field, "must be true or false");
        }
        if (raw == Long.class || raw == long.class || raw == Integer.class || raw == int.class) {
            return wholeNumber(value, raw, field);
        }
        if (raw == BigDecimal.class) {
            if (value instanceof BigDecimal d) {
                return d;
            }
            throw refused(field, "must be a number");
        }
        if (raw == Instant.class) {
            return instant(value, field);
        }
        if (raw == List.class) {
            if (!(value instanceof List<?> items)) {
                throw refused(field, "must be an array");
            }
            Type element = argument(type);
            List<Object> out = new ArrayList<>(items.size());
            for (int i = 0; i < items.size(); i++) {
                out.add(value(items.get(i), element, field + "[" + i + "]"));
            }
            return List.copyOf(out);
        }
        if (raw == Map.class) {
            if (!(value instanceof Map<?, ?> members)) {
                throw refused(field, "must be a JSON object");
            }
            Type element = ((ParameterizedType) type).getActualTypeArguments()[1];
            Map<String, Object> out = new LinkedHashMap<>();
            members.forEach((k, v) -> {
                String key = k.toString();
                // Keys of filter values are filter slugs, checked (and echoed cleaned) by the filter rules.
                if (rawClass(element) != RawValue.class && !StorableText.isStorable(key, true)) {
                    throw refused(join(field, StorableText.printable(key)), "must not contain NUL or unpaired surrogate characters");
                }
                out.put(key, value(v, element, join(field, key)));
            });
            return java.util.Collections.unmodifiableMap(out);
        }
        if (raw.isRecord()) {
            return record(value, raw, field);
        }
        throw new IllegalStateException("no JSON binding for " + type);
    }

    private static Object wholeNumber(Object value, Class<?> raw, String field) {
        if (value instanceof BigDecimal d) {
            try {
                long exact = d.longValueExact();
                if (raw == Integer.class || raw == int.class) {
                    return Math.toIntExact(exact);
                }
                return exact;
            } catch (ArithmeticException e) {
                // not whole, or out of range: refused below
            }
        }
        throw refused(field, "must be a whole number");
    }

    private static Instant instant(Object value, String field) {
        if (value instanceof String text) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                // refused below
            }
        }
        throw refused(field, "must be an ISO-8601 date-time with offset, e.g. 2025-12-31T23:59:59Z");
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        throw new IllegalStateException("unsupported type " + type);
    }

    private static Type argument(Type type) {
        return ((ParameterizedType) type).getActualTypeArguments()[0];
    }

    /** A member's path below {@code path}: {@code share_filter_policies[0].mode}. */
    static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static InvalidValueException refused(String field, String reason) {
        return new InvalidValueException(field, reason);
    }
}
