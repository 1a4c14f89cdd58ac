package io.eventcommerce.events;

import io.eventcommerce.events.catalog.CategoryChanged;
import io.eventcommerce.events.catalog.ProductCreated;
import io.eventcommerce.events.catalog.ProductUpdated;
import io.eventcommerce.events.catalog.PromotionCreated;
import io.eventcommerce.events.catalog.PromotionUpdated;
import io.eventcommerce.events.catalog.PurchaseOrderChanged;
import io.eventcommerce.events.catalog.StockLevelChanged;
import io.eventcommerce.events.catalog.StockRejected;
import io.eventcommerce.events.catalog.StockReserved;
import io.eventcommerce.events.compliance.FraudAssessed;
import io.eventcommerce.events.insights.CompetitorUndercut;
import io.eventcommerce.events.insights.ReconciliationAlert;
import io.eventcommerce.events.insights.ReorderSuggested;
import io.eventcommerce.events.orders.CustomerConsentChanged;
import io.eventcommerce.events.orders.CustomerRegistered;
import io.eventcommerce.events.orders.CustomerUpdated;
import io.eventcommerce.events.orders.DailyOrderTotals;
import io.eventcommerce.events.orders.OrderCancelled;
import io.eventcommerce.events.orders.OrderConfirmed;
import io.eventcommerce.events.orders.OrderDelivered;
import io.eventcommerce.events.orders.OrderOnHold;
import io.eventcommerce.events.orders.OrderPaid;
import io.eventcommerce.events.orders.OrderPlaced;
import io.eventcommerce.events.orders.OrderReturned;
import io.eventcommerce.events.orders.OrderShipped;
import io.eventcommerce.events.orders.PaymentCaptured;
import io.eventcommerce.events.orders.PaymentDeclined;
import io.eventcommerce.events.orders.PaymentRefunded;
import io.eventcommerce.events.privacy.ConsentBasedProcessingReported;
import io.eventcommerce.events.privacy.ConsentBasedProcessingRequested;
import io.eventcommerce.events.privacy.DataSubjectAccessRequested;
import io.eventcommerce.events.privacy.DataSubjectErasureRequested;
import io.eventcommerce.events.privacy.PersonalDataErased;
import io.eventcommerce.events.privacy.PersonalDataExported;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The registry of every published contract; documentation and schema checks are generated from it. */
public final class Events {

    public static final List<EventType<?>> ALL = List.of(
            ProductCreated.TYPE,
            ProductUpdated.TYPE,
            PromotionCreated.TYPE,
            PromotionUpdated.TYPE,
            StockLevelChanged.TYPE,
            StockReserved.TYPE,
            StockRejected.TYPE,
            OrderPlaced.TYPE,
            OrderOnHold.TYPE,
            OrderConfirmed.TYPE,
            OrderPaid.TYPE,
            OrderShipped.TYPE,
            OrderDelivered.TYPE,
            OrderReturned.TYPE,
            OrderCancelled.TYPE,
            PaymentCaptured.TYPE,
            PaymentDeclined.TYPE,
            PaymentRefunded.TYPE,
            CustomerRegistered.TYPE,
            CustomerUpdated.TYPE,
            CustomerConsentChanged.TYPE,
            FraudAssessed.TYPE,
            DataSubjectAccessRequested.TYPE,
            DataSubjectErasureRequested.TYPE,
            PersonalDataExported.TYPE,
            PersonalDataErased.TYPE,
            ConsentBasedProcessingRequested.TYPE,
            ConsentBasedProcessingReported.TYPE,
            ReorderSuggested.TYPE,
            PurchaseOrderChanged.TYPE,
            DailyOrderTotals.TYPE,
            ReconciliationAlert.TYPE,
            CompetitorUndercut.TYPE,
            CategoryChanged.TYPE);

    private static final Map<String, EventType<?>> BY_NAME = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(EventType::name, Function.identity()));

    private Events() {
    }

    public static Optional<EventType<?>> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }
}
