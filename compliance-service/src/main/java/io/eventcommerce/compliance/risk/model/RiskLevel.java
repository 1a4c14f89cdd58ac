package io.eventcommerce.compliance.risk.model;

/** A customer's risk band: what staff filter on; the bounds between them are settings ({@link RiskBounds}). */
public enum RiskLevel {
    LOW, MEDIUM, HIGH
}
