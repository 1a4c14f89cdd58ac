package io.eventcommerce.compliance.privacy.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventcommerce.compliance.privacy.domain.DataSubjectRequest;
import io.eventcommerce.compliance.privacy.domain.DataSubjectRequestRepository;
import io.eventcommerce.compliance.privacy.domain.ServiceProgress;
import io.eventcommerce.compliance.privacy.domain.ServiceProgressRepository;
import io.eventcommerce.events.privacy.ConsentBasedProcessingReported;
import io.eventcommerce.events.privacy.PersonalDataErased;
import io.eventcommerce.events.privacy.PersonalDataExported;
import io.eventcommerce.servicekit.inbox.Inbox;
import io.eventcommerce.servicekit.messaging.EventRoutes;
import io.eventcommerce.servicekit.messaging.IncomingEvent;
import io.eventcommerce.servicekit.messaging.UnprocessableEventException;
import io.eventcommerce.servicekit.time.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The services' answers on compliance.privacy-response: each fills its service's part of the request; the last one
 * completes it (or fails it, when an erasure's self-check still found plaintext). An erasure answered by every service
 * also clears the exports earlier access requests of the same person keep here. The answers to the gdpr-consent
 * check's question go to {@link ConsentCensus}.
 */
@ApplicationScoped
public class PrivacyAnswers {

    public static final String CONSUMER = "privacy-answers";
    private static final Logger LOG = Logger.getLogger(PrivacyAnswers.class);

    private final DataSubjectRequestRepository requests;
    private final ServiceProgressRepository progress;
    private final ObjectMapper json;
    private final EventRoutes routes;

    public PrivacyAnswers(DataSubjectRequestRepository requests, ServiceProgressRepository progress,
                          ObjectMapper json, Inbox inbox, ConsentCensus census) {
        this.requests = requests;
        this.progress = progress;
        this.json = json;
        this.routes = EventRoutes.recordedIn(inbox, CONSUMER)
                .on(PersonalDataExported.TYPE, this::exported)
                .on(PersonalDataErased.TYPE, this::erased)
                .on(ConsentBasedProcessingReported.TYPE, census::answered)
                .build();
    }

    @Transactional
    public void apply(IncomingEvent event) {
        routes.apply(event);
    }

    private void exported(PersonalDataExported answer, IncomingEvent event) {
        part(answer.requestId(), answer.service(), DataSubjectRequest.Type.ACCESS).ifPresent(part -> {
            // An export answered after the person's erasure was requested is not kept: it would bring the erased
            // data back into this schema. The part completes all the same; the export endpoint then says it is gone.
            String data = erasedSince(answer.requestId()) ? null : write(answer.data());
            if (part.exported(data, event.eventId(), Timestamps.now())) {
                finishIfAnswered(answer.requestId());
            }
        });
    }

    private void erased(PersonalDataErased answer, IncomingEvent event) {
        part(answer.requestId(), answer.service(), DataSubjectRequest.Type.ERASURE).ifPresent(part -> {
            if (part.erased(write(answer.tables()), answer.columnsScanned(), answer.plaintextMatches(),
                    event.eventId(), Timestamps.now())) {
                finishIfAnswered(answer.requestId());
            }
        });
    }

    /** The service's part, or empty for a service the request did not wait for (one added to the platform since). */
    private Optional<ServiceProgress> part(UUID requestId, String service, DataSubjectRequest.Type expected) {
        DataSubjectRequest request = requests.findForUpdate(requestId).orElseThrow(() ->
                new UnprocessableEventException("answer to unknown data-subject request " + requestId));
        if (request.type() != expected) {
            throw new UnprocessableEventException("request " + requestId + " is " + request.type()
                    + ", the answer of " + service + " is for " + expected);
        }
        Optional<ServiceProgress> part = progress.findByIdOptional(new ServiceProgress.Key(requestId, service));
        if (part.isEmpty()) {
            LOG.infof("request %s did not wait for %s; its answer is ignored", requestId, service);
        }
        return part;
    }

    private boolean erasedSince(UUID accessRequestId) {
        DataSubjectRequest access = requests.findById(accessRequestId);
        return requests.count("customerId = ?1 and type = ?2 and requestedAt >= ?3", access.customerId(),
                DataSubjectRequest.Type.ERASURE, access.requestedAt()) > 0;
    }

    private void finishIfAnswered(UUID requestId) {
        progress.getEntityManager().flush();
        List<ServiceProgress> parts = progress.ofRequest(requestId);
        if (parts.stream().anyMatch(p -> p.status() == ServiceProgress.Status.PENDING)) {
            return;
        }
        DataSubjectRequest request = requests.findById(requestId);
        Instant now = Timestamps.now();
        request.finish(parts.stream().allMatch(p -> p.status() == ServiceProgress.Status.COMPLETED), now);
        if (request.type() == DataSubjectRequest.Type.ERASURE) {
            progress.exportsOf(request.customerId()).forEach(ServiceProgress::forgetExport);
        }
        LOG.infof("data-subject request %s (%s) %s after %d ms", requestId, request.type(), request.status(),
                java.time.Duration.between(request.requestedAt(), now).toMillis());
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
