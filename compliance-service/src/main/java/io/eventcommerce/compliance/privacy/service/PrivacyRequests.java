package io.eventcommerce.compliance.privacy.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventcommerce.compliance.ComplianceConfig;
import io.eventcommerce.compliance.privacy.domain.DataSubjectRequest;
import io.eventcommerce.compliance.privacy.domain.DataSubjectRequestRepository;
import io.eventcommerce.compliance.privacy.domain.ServiceProgress;
import io.eventcommerce.compliance.privacy.domain.ServiceProgressRepository;
import io.eventcommerce.events.privacy.DataSubjectAccessRequested;
import io.eventcommerce.events.privacy.DataSubjectErasureRequested;
import io.eventcommerce.servicekit.outbox.Outbox;
import io.eventcommerce.servicekit.problem.DomainException;
import io.eventcommerce.servicekit.rest.Page;
import io.eventcommerce.servicekit.time.Timestamps;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Officers' data-subject requests: a request is stored with one progress row per service that must answer, and
 * published on compliance.privacy-request in the same transaction; the answers complete it (PrivacyAnswers).
 */
@ApplicationScoped
public class PrivacyRequests {

    private final DataSubjectRequestRepository requests;
    private final ServiceProgressRepository progress;
    private final Outbox outbox;
    private final ComplianceConfig.Privacy config;
    private final ObjectMapper json;

    public PrivacyRequests(DataSubjectRequestRepository requests, ServiceProgressRepository progress, Outbox outbox,
                           ComplianceConfig config, ObjectMapper json) {
        this.requests = requests;
        this.progress = progress;
        this.outbox = outbox;
        this.config = config.privacy();
        this.json = json;
    }

    /** A request with every service's part. */
    public record Tracked(DataSubjectRequest request, List<ServiceProgress> services) {
    }

    @Transactional
    public Tracked open(UUID customerId, DataSubjectRequest.Type type, String reason, String officer) {
        Instant now = Timestamps.now();
        DataSubjectRequest request = new DataSubjectRequest(UUID.randomUUID(), customerId, type, reason, officer, now,
                now.plus(config.answerWithin()));
        requests.persist(request);
        List<ServiceProgress> parts = config.services().stream().map(String::strip).distinct()
                .map(service -> new ServiceProgress(request.id(), service)).toList();
        progress.persist(parts);
        outbox.publish(type == DataSubjectRequest.Type.ACCESS
                ? new DataSubjectAccessRequested(request.id(), customerId, now, request.deadline())
                : new DataSubjectErasureRequested(request.id(), customerId, now, request.deadline()));
        return new Tracked(request, parts);
    }

    @Transactional
    public Page<DataSubjectRequest> list(DataSubjectRequest.Status status, DataSubjectRequest.Type type,
                                         UUID customerId, int page, int size) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (status != null) {
            where.append(" and status = :status");
            parameters.and("status", status);
        }
        if (type != null) {
            where.append(" and type = :type");
            parameters.and("type", type);
        }
        if (customerId != null) {
            where.append(" and customerId = :customer");
            parameters.and("customer", customerId);
        }
        var query = requests.find(where.toString(), Sort.descending("requestedAt", "id"), parameters);
        return Page.of(query.page(page, size).list(), page, size, query.count());
    }

    @Transactional
    public Tracked get(UUID id) {
        DataSubjectRequest request = requests.findByIdOptional(id)
                .orElseThrow(() -> DomainException.notFound("Data-subject request", id));
        return new Tracked(request, progress.ofRequest(id));
    }

    /**
     * The assembled export of a completed access request: service → its data. 409 for an erasure request, one still
     * waiting for a service, or one whose exports a later erasure of the person cleared.
     */
    @Transactional
    public ObjectNode export(UUID id) {
        Tracked tracked = get(id);
        DataSubjectRequest request = tracked.request();
        if (request.type() != DataSubjectRequest.Type.ACCESS) {
            throw DomainException.conflict("Request " + id + " is an erasure request; only access requests export");
        }
        if (request.status() != DataSubjectRequest.Status.COMPLETED) {
            throw DomainException.conflict("Request " + id + " is " + request.status()
                    + ": the export is assembled once every service answered");
        }
        ObjectNode export = json.createObjectNode();
        export.put("requestId", id.toString()).put("customerId", request.customerId().toString())
                .put("requestedAt", request.requestedAt().toString())
                .put("completedAt", request.completedAt().toString());
        ObjectNode services = export.putObject("services");
        for (ServiceProgress part : tracked.services()) {
            if (part.exportData() == null) {
                throw DomainException.conflict("Request " + id + ": the export was cleared by a later erasure of the"
                        + " customer");
            }
            services.set(part.service(), read(part.exportData()));
        }
        return export;
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable stored export", e);
        }
    }
}
