package io.eventcommerce.servicekit.pci;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the one kind of request field that may carry a full card number: the input of tokenization. Every other
 * string field of every request body is refused if it contains one ({@link CardNumberGuard}). The value of a
 * field marked so must be handed to the payment gateway and forgotten: never stored, logged or published.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface CardNumberInput {
}
