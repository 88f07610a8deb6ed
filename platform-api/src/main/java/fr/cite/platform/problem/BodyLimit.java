package fr.cite.platform.problem;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The largest body an endpoint accepts, in bytes; without it, {@link
 * RequestBodyGuard#DEFAULT_LIMIT} (64 KB, enough for any JSON without files). A larger body is
 * answered 413 before it is read whole.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface BodyLimit {

  /** Bytes. */
  int value();

  int KB = 1024;

  int MB = 1024 * 1024;
}
