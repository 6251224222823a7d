package dev.eventsunbundled.shell;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.DatabindContext;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.jsontype.impl.TypeIdResolverBase;
import dev.eventsunbundled.low.Persisted;
import java.io.IOException;

/**
 * Type ids of {@link PersistedPayload}s: the class name, resolved without initializing the class and refused unless
 * it implements {@link Persisted}, so a payload naming any other class on the classpath is never instantiated.
 */
public final class PersistedTypes extends TypeIdResolverBase {

  @Override
  public String idFromValue(Object value) {
    return value.getClass().getName();
  }

  @Override
  public String idFromValueAndType(Object value, Class<?> suggestedType) {
    return value != null ? idFromValue(value) : suggestedType.getName();
  }

  @Override
  public JavaType typeFromId(DatabindContext context, String id) throws IOException {
    Class<?> type;
    try {
      type = Class.forName(id, false, PersistedTypes.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      throw refused(context, id, "no such class");
    }
    if (!Persisted.class.isAssignableFrom(type)) {
      throw refused(context, id, "not a " + Persisted.class.getName());
    }
    return context.constructType(type);
  }

  private static InvalidTypeIdException refused(DatabindContext context, String id, String why) {
    return InvalidTypeIdException.from(context instanceof DeserializationContext d ? d.getParser() : null,
        "Refused payload type '" + id + "': " + why, null, id);
  }

  @Override
  public JsonTypeInfo.Id getMechanism() {
    return JsonTypeInfo.Id.CUSTOM;
  }
}
