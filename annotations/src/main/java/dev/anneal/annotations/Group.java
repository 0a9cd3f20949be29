package dev.anneal.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names this field's parameter group (by default the field's name). Group names are unique;
 * {@code "default"} is taken by the fields that have no annotation.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Group {
  /** {@return the group's name, unique, not blank} */
  String value();
}
