package dev.eventsunbundled.shell;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A function's payload inside a shell message, written with its class name ({@code "@class"}, versioned when a
 * {@link PayloadMigration} moved it on) and read back only if that class is a {@link dev.eventsunbundled.low.Persisted}:
 * a stored or received message cannot name any other class ({@link Payloads}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@JacksonAnnotationsInside
@JsonSerialize(using = Payloads.Writer.class)
@JsonDeserialize(using = Payloads.Reader.class)
public @interface PersistedPayload {}
