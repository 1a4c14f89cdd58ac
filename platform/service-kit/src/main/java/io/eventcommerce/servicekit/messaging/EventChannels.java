package io.eventcommerce.servicekit.messaging;

import java.util.Map;
import java.util.function.Consumer;

/**
 * Implemented by a consumer facade: the channels its {@code @Incoming} methods read and the handler each hands its
 * events to. Known at start-up, so a dead-lettered record can be replayed through the same handler (and so the
 * same inbox) as the channel uses, before the channel has seen any traffic.
 */
public interface EventChannels {

    /** Channel name (as in {@code mp.messaging.incoming.<channel>}) to the handler its records go to. */
    Map<String, Consumer<IncomingEvent>> handlers();
}
