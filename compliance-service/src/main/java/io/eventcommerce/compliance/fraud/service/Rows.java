package io.eventcommerce.compliance.fraud.service;

/** Values of native query rows, as the MySQL driver returns them on MySQL 8.4 and MariaDB 11.4 alike. */
public final class Rows {

    private Rows() {
    }

    /** A BOOLEAN (TINYINT(1)) column, or a boolean expression's value. */
    public static boolean truth(Object value) {
        return value instanceof Boolean b ? b : ((Number) value).intValue() != 0;
    }

    public static double number(Object value) {
        return value == null ? 0.0 : ((Number) value).doubleValue();
    }
}
