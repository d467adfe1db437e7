package com.example.shop_backend.web;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.CONSTRUCTOR;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.Instant;

/**
 * A date-time with at most 6 fractional digits of a second: the databases keep microseconds, so a
 * finer value would be answered one way when created and another when read back.
 */
@Documented
@Constraint(validatedBy = MicrosecondPrecision.Check.class)
@Target({METHOD, FIELD, ANNOTATION_TYPE, CONSTRUCTOR, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface MicrosecondPrecision {

  String message() default "must have at most 6 fractional digits of a second";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Whether the value is a whole number of microseconds. */
  class Check implements ConstraintValidator<MicrosecondPrecision, Instant> {

    @Override
    public boolean isValid(Instant value, ConstraintValidatorContext context) {
      return value == null || value.getNano() % 1000 == 0;
    }
  }
}
