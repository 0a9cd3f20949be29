package dev.anneal.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks code the Anneal processor wrote, so coverage and style tools can skip it. Kept in class
 * files (they look for it there), invisible to reflection.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface AnnealGenerated {
  /** {@return the annotated model the class was generated from} */
  String from();
}
