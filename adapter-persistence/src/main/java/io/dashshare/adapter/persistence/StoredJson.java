package io.dashshare.adapter.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.dashshare.domain.filter.RawValue;
import java.util.ArrayList;
import java.util.List;

/** Reading the stored JSON (docs/architecture.md, stored formats): strict, since only this adapter writes it. */
final class StoredJson {

    private StoredJson() {
    }

    static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || !value.isTextual()) {
            throw new IllegalStateException(name + " is not text");
        }
        return value.textValue();
    }

    static String optionalText(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : text(node, name);
    }

    static List<JsonNode> array(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new IllegalStateException(name + " is not an array");
        }
        List<JsonNode> items = new ArrayList<>();
        value.forEach(items::add);
        return items;
    }

    /** A filter value as stored: a string, a number or a list of strings. */
    static RawValue raw(JsonNode node) {
        if (node == null || node.isNull()) {
            return RawValue.NULL;
        }
        if (node.isTextual()) {
            return new RawValue.Str(node.textValue());
        }
        if (node.isNumber()) {
            return new RawValue.Num(node.decimalValue());
        }
        if (node.isBoolean()) {
            return new RawValue.Bool(node.booleanValue());
        }
        if (node.isArray()) {
            List<RawValue> items = new ArrayList<>();
            node.forEach(item -> items.add(raw(item)));
            return new RawValue.Arr(items);
        }
        throw new IllegalStateException("an object is never a stored value");
    }

    static JsonNode node(JsonNodeFactory json, RawValue raw) {
        if (raw instanceof RawValue.Str s) {
            return json.textNode(s.value());
        }
        if (raw instanceof RawValue.Num n) {
            return json.numberNode(n.value());
        }
        if (raw instanceof RawValue.Bool b) {
            return json.booleanNode(b.value());
        }
        if (raw instanceof RawValue.Arr a) {
            ArrayNode items = json.arrayNode();
            a.items().forEach(item -> items.add(node(json, item)));
            return items;
        }
        if (raw instanceof RawValue.Null) {
            return json.nullNode();
        }
        throw new IllegalStateException("an object is never a stored value");
    }
}
