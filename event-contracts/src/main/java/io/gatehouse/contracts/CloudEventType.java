package io.gatehouse.contracts;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The CloudEvents {@code type} of an event record, e.g. {@code io.gatehouse.approval.SignOffRecorded.v1}.
 * It is written out, never derived from the Java class name, so that renaming a class cannot change
 * the wire format.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface CloudEventType {
  String value();
}
