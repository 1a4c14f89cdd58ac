package io.eventcommerce.servicekit.pci;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/** A request field that may not hold a card number holds one. The message never contains the number. */
public class CardNumberRejected extends JsonMappingException {

    public CardNumberRejected(JsonParser parser) {
        super(parser, "a payment card number is not accepted in this field");
    }
}
