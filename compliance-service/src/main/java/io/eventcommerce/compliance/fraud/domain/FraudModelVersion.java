package io.eventcommerce.compliance.fraud.domain;

import io.eventcommerce.servicekit.problem.DomainException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * One trained version of the fraud model: its weights (JSON of {@code LogisticScorecard}) and its evaluation on the
 * hold-out. A retrain stores a {@code CANDIDATE}; only an explicit activation makes a version decide
 * ({@code ACTIVE}, one at a time) or score beside the active one without deciding ({@code SHADOW}, at most one).
 */
@Entity
@Table(name = "fraud_model")
public class FraudModelVersion {

    public enum Status {
        CANDIDATE, SHADOW, ACTIVE, RETIRED
    }

    @Id
    private int version;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private Status status;

    @Column(nullable = false, columnDefinition = "MEDIUMTEXT")
    private String model;

    @Column(nullable = false, columnDefinition = "MEDIUMTEXT")
    private String evaluation;

    @Column(nullable = false)
    private int examples;

    @Column(nullable = false)
    private int positives;

    @Column(name = "trained_from")
    private Instant trainedFrom;

    @Column(name = "trained_to")
    private Instant trainedTo;

    @Column(name = "created_by", nullable = false, length = 200)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "activated_at")
    private Instant activatedAt;

    protected FraudModelVersion() {
    }

    public FraudModelVersion(int version, String model, String evaluation, int examples, int positives,
                             Instant trainedFrom, Instant trainedTo, String createdBy, Instant now) {
        this.version = version;
        this.status = Status.CANDIDATE;
        this.model = model;
        this.evaluation = evaluation;
        this.examples = examples;
        this.positives = positives;
        this.trainedFrom = trainedFrom;
        this.trainedTo = trainedTo;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    /** The name decisions and events carry: {@code v3}. */
    public String label() {
        return "v" + version;
    }

    public void activate(Instant now) {
        if (status == Status.ACTIVE) {
            throw DomainException.conflict("Model " + label() + " is active already");
        }
        status = Status.ACTIVE;
        activatedAt = now;
    }

    public void shadow() {
        if (status == Status.ACTIVE) {
            throw DomainException.conflict("Model " + label() + " is the active one; shadow a candidate");
        }
        status = Status.SHADOW;
    }

    public void retire() {
        status = Status.RETIRED;
    }

    public int version() {
        return version;
    }

    public Status status() {
        return status;
    }

    public String model() {
        return model;
    }

    public String evaluation() {
        return evaluation;
    }

    public int examples() {
        return examples;
    }

    public int positives() {
        return positives;
    }

    public Instant trainedFrom() {
        return trainedFrom;
    }

    public Instant trainedTo() {
        return trainedTo;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant activatedAt() {
        return activatedAt;
    }
}
