package io.eventcommerce.devstack;

import io.eventcommerce.events.Topics;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PlatformServiceTest {

    @Test
    void theLauncherRunsOrdersWaitingForStockAndFraudWithTheSimulatorAndServesSwaggerUi() {
        assertThat(PlatformService.ORDERS.settings())
                .isEqualTo(Map.of("orders.saga.await", "stock,fraud", "orders.payment.gateway", "simulator"));
        assertThat(PlatformService.CATALOG.settings()).isEmpty();
        assertThat(PlatformService.ORDERS.localConfig()).isEqualTo(Map.of("orders.saga.await", "stock,fraud",
                "orders.payment.gateway", "simulator", "quarkus.swagger-ui.enabled", "true"));
        assertThat(PlatformService.CATALOG.localConfig()).isEqualTo(Map.of("quarkus.swagger-ui.enabled", "true"));
    }

    @Test
    void aServicePublishesTheTopicsNamedAfterIt() {
        assertThat(PlatformService.ORDERS.publishes())
                .containsExactly(PlatformTopic.ORDERS_ORDER, PlatformTopic.ORDERS_PAYMENT, PlatformTopic.ORDERS_CUSTOMER,
                        PlatformTopic.ORDERS_TOTALS);
        assertThat(PlatformService.COMPLIANCE.publishes()).containsExactly(PlatformTopic.COMPLIANCE_FRAUD,
                PlatformTopic.COMPLIANCE_PRIVACY_REQUEST, PlatformTopic.COMPLIANCE_PRIVACY_RESPONSE);
        assertThat(PlatformTopic.COMPLIANCE_FRAUD.owner()).isEqualTo("compliance-service");
        assertThat(PlatformService.CATALOG.publishes()).contains(PlatformTopic.CATALOG_CATEGORY);
        assertThat(PlatformService.COPILOT.publishes()).isEmpty();
    }

    @Test
    void schemasAreTheServicesThenThePlannedOnes() {
        assertThat(PlatformService.PLANNED_SCHEMAS).isEmpty();
        assertThat(PlatformService.allSchemas())
                .containsExactly("catalog", "orders", "compliance", "insights", "copilot");
        assertThat(DevSecrets.initSqlVariables()).containsKeys("CATALOG_DB_PASSWORD", "COPILOT_DB_PASSWORD",
                "DEBEZIUM_DB_PASSWORD", "COPILOT_READER_DB_PASSWORD");
        assertThat(PlatformService.ORDERS.passwordVariable()).isEqualTo("ORDERS_DB_PASSWORD");
    }

    @Test
    void copilotRunsItsQuestionsAsTheReadOnlyReplicaUserWhosePasswordIsASecret() {
        assertThat(PlatformService.COPILOT.defaultPort()).isEqualTo(8085);
        assertThat(PlatformService.COPILOT.secretProperties()).containsExactly("quarkus.datasource.replica.password");
        assertThat(PlatformService.COPILOT_READER_USER).isEqualTo("copilot_reader");
    }

    @Test
    void settingsBecomeEnvironmentVariablesAsMicroProfileConfigReadsThem() {
        assertThat(PlatformService.environmentName("orders.saga.await")).isEqualTo("ORDERS_SAGA_AWAIT");
        assertThat(PlatformService.environmentName("a.b-c")).isEqualTo("A_B_C");
    }

    @Test
    void aChannelTakesTopicGroupAndDeadLetterTopicFromItsKeysOrTheirDefaults() {
        String properties = """
                quarkus.application.name=orders-service
                mp.messaging.incoming.catalog-product.topic=catalog.product
                mp.messaging.incoming.catalog-product.dead-letter-queue.topic=catalog.product.orders-service.dlq
                mp.messaging.incoming.order-payments.topic=orders.order
                mp.messaging.incoming.order-payments.group.id=orders-service-payments
                mp.messaging.incoming.compliance.fraud.connector=smallrye-kafka
                %test.mp.messaging.incoming.ignored.topic=x
                """;

        assertThat(ConsumedChannel.parse(properties, "unused")).containsExactly(
                new ConsumedChannel("catalog-product", Topics.CATALOG_PRODUCT, "orders-service",
                        "catalog.product.orders-service.dlq"),
                new ConsumedChannel("compliance", "compliance", "orders-service", "compliance.orders-service.dlq"),
                new ConsumedChannel("order-payments", Topics.ORDERS_ORDER, "orders-service-payments",
                        "orders.order.orders-service-payments.dlq"));
    }
}
