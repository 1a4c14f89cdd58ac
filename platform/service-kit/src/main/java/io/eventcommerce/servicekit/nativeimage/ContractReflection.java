package io.eventcommerce.servicekit.nativeimage;

import io.eventcommerce.events.EventEnvelope;
import io.eventcommerce.events.catalog.CategoryChanged;
import io.eventcommerce.events.catalog.ProductCreated;
import io.eventcommerce.events.catalog.ProductSnapshot;
import io.eventcommerce.events.catalog.ProductUpdated;
import io.eventcommerce.events.catalog.PromotionCreated;
import io.eventcommerce.events.catalog.PromotionSnapshot;
import io.eventcommerce.events.catalog.PromotionUpdated;
import io.eventcommerce.events.catalog.PurchaseOrderChanged;
import io.eventcommerce.events.catalog.PurchaseOrderSnapshot;
import io.eventcommerce.events.catalog.StockLevelChanged;
import io.eventcommerce.events.catalog.StockRejected;
import io.eventcommerce.events.catalog.StockReserved;
import io.eventcommerce.events.compliance.FraudAssessed;
import io.eventcommerce.events.insights.CompetitorUndercut;
import io.eventcommerce.events.insights.ReconciliationAlert;
import io.eventcommerce.events.insights.ReorderSuggested;
import io.eventcommerce.events.orders.Address;
import io.eventcommerce.events.orders.CurrencyTotals;
import io.eventcommerce.events.orders.CustomerConsentChanged;
import io.eventcommerce.events.orders.CustomerRegistered;
import io.eventcommerce.events.orders.CustomerUpdated;
import io.eventcommerce.events.orders.DailyOrderTotals;
import io.eventcommerce.events.orders.OrderCancelled;
import io.eventcommerce.events.orders.OrderConfirmed;
import io.eventcommerce.events.orders.OrderDelivered;
import io.eventcommerce.events.orders.OrderLine;
import io.eventcommerce.events.orders.OrderOnHold;
import io.eventcommerce.events.orders.OrderPaid;
import io.eventcommerce.events.orders.OrderPlaced;
import io.eventcommerce.events.orders.OrderReturned;
import io.eventcommerce.events.orders.OrderShipped;
import io.eventcommerce.events.orders.PaymentCaptured;
import io.eventcommerce.events.orders.PaymentDeclined;
import io.eventcommerce.events.orders.PaymentMethodRef;
import io.eventcommerce.events.orders.PaymentRefunded;
import io.eventcommerce.events.privacy.ConsentBasedProcessingReported;
import io.eventcommerce.events.privacy.ConsentBasedProcessingRequested;
import io.eventcommerce.events.privacy.DataSubjectAccessRequested;
import io.eventcommerce.events.privacy.DataSubjectErasureRequested;
import io.eventcommerce.events.privacy.PersonalDataErased;
import io.eventcommerce.events.privacy.PersonalDataExported;
import io.eventcommerce.servicekit.problem.Problem;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Registers for reflection, in a native executable, the records Jackson reads and writes without Quarkus seeing
 * them: the event contracts (written to the outbox and read by consumers through {@code EventCodec}, not through a
 * REST signature) and the problem details body (an entity of the exception mappers' {@code Response}). Every
 * record reachable from {@code Events.ALL} is listed, nested ones too; {@code ContractReflectionTest} fails when
 * one is missing, so a new event or field type cannot be forgotten.
 */
@RegisterForReflection(targets = {
        EventEnvelope.class,
        ProductCreated.class,
        ProductUpdated.class,
        ProductSnapshot.class,
        PromotionCreated.class,
        PromotionUpdated.class,
        PromotionSnapshot.class,
        PurchaseOrderChanged.class,
        CategoryChanged.class,
        PurchaseOrderSnapshot.class,
        PurchaseOrderSnapshot.Line.class,
        StockLevelChanged.class,
        StockReserved.class,
        StockReserved.Allocation.class,
        StockRejected.class,
        StockRejected.Shortage.class,
        OrderPlaced.class,
        OrderLine.class,
        Address.class,
        PaymentMethodRef.class,
        OrderOnHold.class,
        OrderConfirmed.class,
        OrderPaid.class,
        OrderShipped.class,
        OrderDelivered.class,
        OrderReturned.class,
        OrderCancelled.class,
        PaymentCaptured.class,
        PaymentDeclined.class,
        PaymentRefunded.class,
        CustomerRegistered.class,
        CustomerUpdated.class,
        CustomerConsentChanged.class,
        FraudAssessed.class,
        ReorderSuggested.class,
        DailyOrderTotals.class,
        CurrencyTotals.class,
        ReconciliationAlert.class,
        CompetitorUndercut.class,
        DataSubjectAccessRequested.class,
        DataSubjectErasureRequested.class,
        PersonalDataExported.class,
        PersonalDataErased.class,
        PersonalDataErased.Erasure.class,
        ConsentBasedProcessingRequested.class,
        ConsentBasedProcessingReported.class,
        Problem.class,
        Problem.FieldError.class})
public final class ContractReflection {

    private ContractReflection() {
    }
}
