package io.eventcommerce.insights.reports.rest;

import io.eventcommerce.servicekit.problem.DomainException;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;

/** Query parameters the reports share, parsed into 422 problem details naming the parameter. */
final class ReportParameters {

    private ReportParameters() {
    }

    static LocalDate day(String name, String value, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeException e) {
            throw DomainException.invalid(name, "a day as YYYY-MM-DD");
        }
    }

    static LocalDate month(String name, String value, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return YearMonth.parse(value).atDay(1);
        } catch (DateTimeException e) {
            throw DomainException.invalid(name, "a month as YYYY-MM");
        }
    }
}
