package io.eventcommerce.orders.privacy.service;

import io.eventcommerce.events.privacy.DataSubjectAccessRequested;
import io.eventcommerce.events.privacy.DataSubjectErasureRequested;
import io.eventcommerce.events.privacy.PersonalDataErased;
import io.eventcommerce.events.privacy.PersonalDataExported;
import io.eventcommerce.servicekit.inbox.Inbox;
import io.eventcommerce.servicekit.messaging.EventRoutes;
import io.eventcommerce.servicekit.messaging.IncomingEvent;
import io.eventcommerce.servicekit.outbox.Outbox;
import io.eventcommerce.servicekit.privacy.PlaintextScan;
import io.eventcommerce.servicekit.time.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * compliance-service's data-subject requests (compliance.privacy-request), answered on compliance.privacy-response in
 * the transaction of the effect: an access request with the export, an erasure with its evidence and the
 * self-check of this service's own schema. The erasure publishes nothing else: no CustomerUpdated (country and
 * segment do not change, and the event never carried a name or e-mail), so no event leaves with the old values.
 */
@ApplicationScoped
public class PrivacyRequestHandler {

    public static final String CONSUMER = "privacy-requests";

    private final CustomerDataExport export;
    private final CustomerErasure erasure;
    private final PlaintextScan scan;
    private final Outbox outbox;
    private final EntityManager em;
    private final String service;
    private final EventRoutes routes;

    public PrivacyRequestHandler(CustomerDataExport export, CustomerErasure erasure, PlaintextScan scan,
                                 Outbox outbox, EntityManager em, Inbox inbox,
                                 @ConfigProperty(name = "quarkus.application.name") String service) {
        this.export = export;
        this.erasure = erasure;
        this.scan = scan;
        this.outbox = outbox;
        this.em = em;
        this.service = service;
        this.routes = EventRoutes.recordedIn(inbox, CONSUMER)
                .on(DataSubjectAccessRequested.TYPE, this::exportData)
                .on(DataSubjectErasureRequested.TYPE, this::erase)
                .build();
    }

    @Transactional
    public void apply(IncomingEvent event) {
        routes.apply(event);
    }

    private void exportData(DataSubjectAccessRequested request) {
        outbox.publish(new PersonalDataExported(request.requestId(), service, export.of(request.customerId()),
                Timestamps.now()));
    }

    private void erase(DataSubjectErasureRequested request) {
        CustomerErasure.Outcome outcome = erasure.erase(request.customerId());
        em.flush();
        PlaintextScan.Result check = scan.search(outcome.plaintextHeld());
        outbox.publish(new PersonalDataErased(request.requestId(), service, outcome.tables(), check.columnsScanned(),
                check.matches(), Timestamps.now()));
    }
}
