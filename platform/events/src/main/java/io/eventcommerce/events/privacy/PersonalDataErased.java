package io.eventcommerce.events.privacy;

import io.eventcommerce.events.DomainEvent;
import io.eventcommerce.events.EventType;
import io.eventcommerce.events.Topics;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One service's answer to a {@link DataSubjectErasureRequested}: what it erased or pseudonymised, as evidence, and
 * the result of its own check afterwards. It says <em>how many</em> rows of which table, never which values: no erased
 * value, no hash of one (an e-mail's hash is found again by hashing a guess) and no link from the pseudonym to the
 * person, so the answer itself holds nothing to erase.
 *
 * @param service          the answering service
 * @param tables           per table, what was done to how many rows
 * @param columnsScanned   how many text columns of the service's own tables the self-check searched
 * @param plaintextMatches how many of the values held before the erasure the self-check still found (0 = erased)
 */
public record PersonalDataErased(UUID requestId, String service, List<Erasure> tables, int columnsScanned,
                                 long plaintextMatches, Instant erasedAt) implements DomainEvent {

    public static final EventType<PersonalDataErased> TYPE = new EventType<>("PersonalDataErased", 1,
            Topics.COMPLIANCE_PRIVACY_RESPONSE, PersonalDataErased.class);

    /** Actions a service reports per table. */
    public static final String DELETED = "DELETED";
    public static final String PSEUDONYMISED = "PSEUDONYMISED";
    public static final String ANONYMISED = "ANONYMISED";

    /**
     * @param action {@link #DELETED}, {@link #PSEUDONYMISED} (the rows stay, the person replaced by a pseudonym) or
     *               {@link #ANONYMISED} (the rows stay, linked to no one)
     */
    public record Erasure(String table, String action, int rows) {
    }

    @Override
    public EventType<PersonalDataErased> eventType() {
        return TYPE;
    }

    @Override
    public String aggregateId() {
        return requestId.toString();
    }
}
