package io.eventcommerce.servicekit.pci;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * PCI DSS: a request that carries a card number where none belongs is refused before any code sees it. Every string
 * a REST request body binds to (fields, list elements, map values) goes through this deserializer; one that
 * contains a card number ({@link CardNumbers}) fails with {@link CardNumberRejected}, answered 422 without echoing
 * the value. Only a property annotated {@link CardNumberInput} is exempt.
 */
@Singleton
public class CardNumberGuard implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("card-number-guard").addDeserializer(String.class, new Guarded()));
    }

    static final class Guarded extends StdScalarDeserializer<String> implements ContextualDeserializer {

        Guarded() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = StringDeserializer.instance.deserialize(p, ctxt);
            if (value != null && value.length() >= 13 && CardNumbers.containsCardNumber(value)) {
                throw new CardNumberRejected(p);
            }
            return value;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
            if (property != null && property.getAnnotation(CardNumberInput.class) != null) {
                return StringDeserializer.instance;
            }
            return this;
        }
    }
}
