package io.eventcommerce.orders.privacy.service;

import io.eventcommerce.events.privacy.PersonalDataErased.Erasure;
import io.eventcommerce.orders.customer.service.CustomerConsents;
import io.eventcommerce.servicekit.privacy.PersonalData;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * orders-service's part of the answers to compliance-service's data-subject requests (service-kit's
 * {@code DataSubjectRequests} does the rest): the export is {@link CustomerDataExport}'s, the erasure and the values
 * its self-check searches for are {@link CustomerErasure}'s. The erasure withdraws the customer's consents
 * ({@link CustomerConsents#withdrawAll}: a CustomerConsentChanged with source {@code erasure} each, so no processor
 * goes on) and keeps their history, the evidence of what was consented when (Art. 7(1), 17(3)(e)); it holds the
 * pseudonymous customer id, purpose codes, times and staff names, nothing that identifies the person. It publishes
 * nothing else: no CustomerUpdated (country and segment do not change, and the event never carried a name or
 * e-mail), so no event leaves with the old values.
 */
@ApplicationScoped
public class OrdersPersonalData implements PersonalData {

    private final CustomerDataExport export;
    private final CustomerErasure erasure;
    private final CustomerConsents consents;

    public OrdersPersonalData(CustomerDataExport export, CustomerErasure erasure, CustomerConsents consents) {
        this.export = export;
        this.erasure = erasure;
        this.consents = consents;
    }

    @Override
    public Map<String, Object> export(UUID customerId) {
        return export.of(customerId);
    }

    @Override
    public List<String> plaintext(UUID customerId) {
        return erasure.plaintext(customerId);
    }

    @Override
    public List<Erasure> erase(UUID customerId) {
        consents.withdrawAll(customerId, CustomerConsents.SOURCE_ERASURE, "service:orders-service");
        return erasure.erase(customerId);
    }
}
