package dev.eventsunbundled.shell;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.util.NameTransformer;
import dev.eventsunbundled.low.Persisted;
import java.io.IOException;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How a {@link PersistedPayload} is written and read: {@code "@class"} (with the version, when a
 * {@link PayloadMigration} says it moved on) followed by the payload's own fields; on read the class is resolved
 * without initializing it and refused unless it is a {@link Persisted} (or the shell's own {@link ShellMessage}), and
 * older versions are migrated first.
 */
final class Payloads {

  static final String CLASS = "@class";

  private static final Map<String, PayloadMigration> MIGRATIONS = ServiceLoader.load(PayloadMigration.class).stream()
      .map(ServiceLoader.Provider::get).collect(Collectors.toMap(m -> m.type().getName(), Function.identity()));

  private Payloads() {}

  static String typeId(Class<?> type) {
    PayloadMigration migration = MIGRATIONS.get(type.getName());
    return migration == null ? type.getName() : type.getName() + "#" + migration.currentVersion();
  }

  /** Writes the payload as {@code {"@class": id, ...its fields}}. */
  static final class Writer extends StdSerializer<Object> {
    Writer() {
      super(Object.class);
    }

    @Override
    public void serialize(Object value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      gen.writeStartObject();
      gen.writeStringField(CLASS, typeId(value.getClass()));
      provider.findValueSerializer(value.getClass()).unwrappingSerializer(NameTransformer.NOP)
          .serialize(value, gen, provider);
      gen.writeEndObject();
    }
  }

  /** Reads a payload written by {@link Writer} (or by Jackson's {@code Id.CLASS} before it: the same JSON). */
  static final class Reader extends StdDeserializer<Object> {
    Reader() {
      super(Object.class);
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext context) throws IOException {
      JsonNode tree = context.readTree(p);
      if (!(tree instanceof ObjectNode json) || !json.path(CLASS).isTextual()) {
        throw InvalidTypeIdException.from(p, "A payload needs an object with \"" + CLASS + "\"", null, null);
      }
      String id = json.remove(CLASS).asText();
      int hash = id.indexOf('#');
      String name = hash < 0 ? id : id.substring(0, hash);
      int version = hash < 0 ? 1 : Integer.parseInt(id.substring(hash + 1));
      Class<?> type = persisted(p, name);
      PayloadMigration migration = MIGRATIONS.get(name);
      ObjectNode current = migration != null && version < migration.currentVersion()
          ? migration.transform(version, json) : json;
      return context.readTreeAsValue(current, type);
    }

    private static Class<?> persisted(JsonParser p, String name) throws InvalidTypeIdException {
      Class<?> type;
      try {
        type = Class.forName(name, false, Payloads.class.getClassLoader());
      } catch (ClassNotFoundException | LinkageError e) {
        throw InvalidTypeIdException.from(p, "Refused payload type '" + name + "': no such class", null, name);
      }
      if (!Persisted.class.isAssignableFrom(type) && !ShellMessage.class.isAssignableFrom(type)) {
        throw InvalidTypeIdException.from(p, "Refused payload type '" + name + "': not a " + Persisted.class.getName(),
            null, name);
      }
      return type;
    }
  }
}
