/* Copyright 2026 Cairn contributors. SPDX-License-Identifier: Apache-2.0 */
package io.cairn.sentinel.internal;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.sentinel.SentinelFormatException;
import java.util.Iterator;
import java.util.Set;

/** Strict reading of JSON trees: every missing, mistyped or unknown field is a clear error. */
public final class Json {
  private Json() {}

  /** The mapper: no comments, no NaN, bounded nesting and string lengths. */
  public static final ObjectMapper MAPPER =
      JsonMapper.builder().disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

  static {
    MAPPER
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder()
                .maxNestingDepth(32)
                .maxStringLength(1 << 20)
                .maxNumberLength(64)
                .build());
  }

  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** Fails if {@code node} is not an object or has a field outside {@code allowed}. */
  public static void checkFields(JsonNode node, Set<String> allowed, String where)
      throws SentinelFormatException {
    if (node == null || !node.isObject()) {
      throw new SentinelFormatException(where + ": expected a JSON object");
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!allowed.contains(f)) {
        throw new SentinelFormatException(where + ": unknown field '" + clip(f) + "'");
      }
    }
  }

  private static JsonNode field(JsonNode node, String field, String where)
      throws SentinelFormatException {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      throw new SentinelFormatException(where + ": field '" + field + "' missing");
    }
    return v;
  }

  public static String text(JsonNode node, String field, String where)
      throws SentinelFormatException {
    JsonNode v = field(node, field, where);
    if (!v.isTextual()) {
      throw new SentinelFormatException(where + ": field '" + field + "' must be a string");
    }
    return v.textValue();
  }

  public static long integer(JsonNode node, String field, String where)
      throws SentinelFormatException {
    JsonNode v = field(node, field, where);
    if (!v.isIntegralNumber() || !v.canConvertToLong()) {
      throw new SentinelFormatException(
          where + ": field '" + field + "' must be a whole number that fits in 64 bits");
    }
    return v.longValue();
  }

  public static double number(JsonNode node, String field, String where)
      throws SentinelFormatException {
    JsonNode v = field(node, field, where);
    if (!v.isNumber()) {
      throw new SentinelFormatException(where + ": field '" + field + "' must be a number");
    }
    double d = v.doubleValue();
    if (!Double.isFinite(d)) {
      throw new SentinelFormatException(where + ": field '" + field + "' must be finite");
    }
    return d;
  }

  public static boolean bool(JsonNode node, String field, String where)
      throws SentinelFormatException {
    JsonNode v = field(node, field, where);
    if (!v.isBoolean()) {
      throw new SentinelFormatException(where + ": field '" + field + "' must be true or false");
    }
    return v.booleanValue();
  }

  public static JsonNode array(JsonNode node, String field, String where, int max)
      throws SentinelFormatException {
    JsonNode v = field(node, field, where);
    if (!v.isArray()) {
      throw new SentinelFormatException(where + ": field '" + field + "' must be an array");
    }
    if (v.size() > max) {
      throw new SentinelFormatException(
          where + ": field '" + field + "' has " + v.size() + " entries, at most " + max);
    }
    return v;
  }

  public static JsonNode objectField(JsonNode node, String field, String where)
      throws SentinelFormatException {
    JsonNode v = field(node, field, where);
    if (!v.isObject()) {
      throw new SentinelFormatException(where + ": field '" + field + "' must be an object");
    }
    return v;
  }

  /** The enum constant named by a string field. */
  public static <E extends Enum<E>> E enumValue(
      JsonNode node, String field, Class<E> type, String where) throws SentinelFormatException {
    String s = text(node, field, where);
    try {
      return Enum.valueOf(type, s);
    } catch (IllegalArgumentException e) {
      StringBuilder names = new StringBuilder();
      for (E c : type.getEnumConstants()) {
        names.append(names.isEmpty() ? "" : ", ").append(c.name());
      }
      throw new SentinelFormatException(
          where + ": field '" + field + "' must be one of " + names + ", got '" + clip(s) + "'");
    }
  }

  public static String clip(String s) {
    return s.length() <= 60 ? s : s.substring(0, 60) + "…";
  }
}
