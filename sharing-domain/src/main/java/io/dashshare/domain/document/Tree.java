package io.dashshare.domain.document;

import io.dashshare.domain.error.SharingException;
import io.dashshare.domain.filter.RawValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reading a parsed JSON tree ({@code Map<String,Object>}, {@code List<Object>}, {@code String},
 * {@code Number}, {@code Boolean}, {@code null}) strictly, with every problem reported as
 * {@code INVALID_REQUEST} naming the field path. Adapters parse JSON into such trees with their
 * own library; the document shapes live here once.
 */
public final class Tree {

    private final Map<String, Object> node;
    private final String path;

    private Tree(Map<String, Object> node, String path) {
        this.node = node;
        this.path = path;
    }

    @SuppressWarnings("unchecked")
    public static Tree object(Object value, String path) {
        if (value instanceof Map<?, ?> map) {
            return new Tree((Map<String, Object>) map, path);
        }
        throw SharingException.invalidRequest(label(path), label(path) + " must be a JSON object");
    }

    public String path() {
        return path;
    }

    public String field(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    public boolean has(String name) {
        return node.containsKey(name);
    }

    public Object raw(String name) {
        return node.get(name);
    }

    /** Refuses members outside {@code known}: a typo must not silently drop a restriction. */
    public Tree onlyKnown(Set<String> known) {
        for (String key : node.keySet()) {
            if (!known.contains(key)) {
                String field = field(key.length() > 64 ? key.substring(0, 64) : key);
                throw SharingException.invalidRequest(field, field + " is not a known field");
            }
        }
        return this;
    }

    public String requiredString(String name) {
        Object value = node.get(name);
        if (value instanceof String s) {
            return s;
        }
        throw SharingException.invalidRequest(field(name), field(name) + (value == null
                ? " is required" : " must be a string"));
    }

    public String optionalString(String name) {
        Object value = node.get(name);
        if (value == null) {
            return null;
        }
        if (value instanceof String s) {
            return s;
        }
        throw SharingException.invalidRequest(field(name), field(name) + " must be a string");
    }

    public boolean optionalBoolean(String name, boolean fallback) {
        Object value = node.get(name);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        throw SharingException.invalidRequest(field(name), field(name) + " must be true or false");
    }

    public Long optionalLong(String name) {
        Object value = node.get(name);
        if (value == null) {
            return null;
        }
        if (value instanceof Number n) {
            BigDecimal d = new BigDecimal(n.toString());
            try {
                return d.longValueExact();
            } catch (ArithmeticException e) {
                // falls through to the refusal below
            }
        }
        throw SharingException.invalidRequest(field(name), field(name) + " must be a whole number");
    }

    public List<Object> list(String name, boolean required) {
        Object value = node.get(name);
        if (value == null) {
            if (required) {
                throw SharingException.invalidRequest(field(name), field(name) + " is required");
            }
            return List.of();
        }
        if (value instanceof List<?> list) {
            return new ArrayList<>(list);
        }
        throw SharingException.invalidRequest(field(name), field(name) + " must be an array");
    }

    public List<String> stringList(String name) {
        List<Object> items = list(name, false);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof String s)) {
                String field = field(name) + "[" + i + "]";
                throw SharingException.invalidRequest(field, field + " must be a string");
            }
            out.add(s);
        }
        return out;
    }

    public Tree child(String name, boolean required) {
        Object value = node.get(name);
        if (value == null) {
            if (required) {
                throw SharingException.invalidRequest(field(name), field(name) + " is required");
            }
            return null;
        }
        return object(value, field(name));
    }

    /** Turns any JSON value into a raw filter value (objects stay opaque and are refused later). */
    public static RawValue toRaw(Object value) {
        if (value == null) {
            return RawValue.NULL;
        }
        if (value instanceof String s) {
            return new RawValue.Str(s);
        }
        if (value instanceof Boolean b) {
            return new RawValue.Bool(b);
        }
        if (value instanceof BigDecimal d) {
            return new RawValue.Num(d);
        }
        if (value instanceof Number n) {
            return new RawValue.Num(new BigDecimal(n.toString()));
        }
        if (value instanceof List<?> list) {
            return new RawValue.Arr(list.stream().map(Tree::toRaw).toList());
        }
        return new RawValue.Obj();
    }

    /** The JSON tree of a raw value (objects cannot be represented and are refused). */
    public static Object fromRaw(RawValue raw) {
        if (raw instanceof RawValue.Str s) {
            return s.value();
        }
        if (raw instanceof RawValue.Num n) {
            return n.value();
        }
        if (raw instanceof RawValue.Bool b) {
            return b.value();
        }
        if (raw instanceof RawValue.Arr a) {
            List<Object> items = new ArrayList<>();
            a.items().forEach(i -> items.add(fromRaw(i)));
            return items;
        }
        if (raw instanceof RawValue.Null) {
            return null;
        }
        throw new IllegalArgumentException("objects are never parameter values");
    }

    private static String label(String path) {
        return path.isEmpty() ? "body" : path;
    }
}
