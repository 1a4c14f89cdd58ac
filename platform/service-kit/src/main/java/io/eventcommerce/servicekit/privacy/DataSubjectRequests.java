package io.eventcommerce.servicekit.privacy;

import io.eventcommerce.events.privacy.ConsentBasedProcessingReported;
import io.eventcommerce.events.privacy.ConsentBasedProcessingRequested;
import io.eventcommerce.events.privacy.DataSubjectAccessRequested;
import io.eventcommerce.events.privacy.DataSubjectErasureRequested;
import io.eventcommerce.events.privacy.PersonalDataErased;
import io.eventcommerce.events.privacy.PersonalDataExported;
import io.eventcommerce.servicekit.inbox.Inbox;
import io.eventcommerce.servicekit.messaging.EventRoutes;
import io.eventcommerce.servicekit.messaging.IncomingEvent;
import io.eventcommerce.servicekit.outbox.Outbox;
import io.eventcommerce.servicekit.time.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A service's answer to compliance-service's data-subject requests (compliance.privacy-request), the same in every
 * service: an access request is answered with the service's {@link PersonalData#export export}, an erasure with what
 * {@link PersonalData#erase} changed and the {@link PlaintextScan self-check} of the values held before. Each request
 * is recorded in the inbox as {@value #CONSUMER} and answered on compliance.privacy-response through the outbox, all
 * in one transaction with the effect: a redelivered request changes and publishes nothing, and an answer exists if and
 * only if the erasure committed. compliance-service's question which customers the service processes for purposes
 * that need consent is answered the same way, from {@link PersonalData#consentBasedProcessing}.
 *
 * <p>{@link PrivacyRequestConsumer} hands the {@code privacy-requests} channel's events to {@link #apply}; the service
 * provides exactly one {@link PersonalData} bean.
 */
@ApplicationScoped
public class DataSubjectRequests {

    /** The inbox consumer and the channel name ({@code mp.messaging.incoming.privacy-requests}) of every service. */
    public static final String CONSUMER = "privacy-requests";

    private final PersonalData data;
    private final PlaintextScan scan;
    private final Outbox outbox;
    private final EntityManager em;
    private final String service;
    private final EventRoutes routes;

    public DataSubjectRequests(PersonalData data, PlaintextScan scan, Outbox outbox, EntityManager em, Inbox inbox,
                               @ConfigProperty(name = "quarkus.application.name") String service) {
        this.data = data;
        this.scan = scan;
        this.outbox = outbox;
        this.em = em;
        this.service = service;
        this.routes = EventRoutes.recordedIn(inbox, CONSUMER)
                .on(DataSubjectAccessRequested.TYPE, this::export)
                .on(DataSubjectErasureRequested.TYPE, this::erase)
                .on(ConsentBasedProcessingRequested.TYPE, this::reportConsentBasedProcessing)
                .build();
    }

    @Transactional
    public void apply(IncomingEvent event) {
        routes.apply(event);
    }

    private void export(DataSubjectAccessRequested request) {
        outbox.publish(new PersonalDataExported(request.requestId(), service, data.export(request.customerId()),
                Timestamps.now()));
    }

    private void erase(DataSubjectErasureRequested request) {
        // Asked first: after the erasure the values are gone, and the scan needs them to prove it.
        Collection<String> held = data.plaintext(request.customerId());
        List<PersonalDataErased.Erasure> done = data.erase(request.customerId());
        // Entity changes of the erasure reach the database before the scan reads it (native statements already have).
        em.flush();
        PlaintextScan.Result check = scan.search(held);
        outbox.publish(new PersonalDataErased(request.requestId(), service, done, check.columnsScanned(),
                check.matches(), Timestamps.now()));
    }

    private void reportConsentBasedProcessing(ConsentBasedProcessingRequested request) {
        // Sorted, so the same processing gives the same answer (and a reader finds an id quickly).
        Map<String, List<UUID>> customers = new TreeMap<>();
        data.consentBasedProcessing().forEach((purpose, ids) -> customers.put(purpose, ids.stream().sorted().toList()));
        outbox.publish(new ConsentBasedProcessingReported(request.requestId(), service, customers, Timestamps.now()));
    }
}
