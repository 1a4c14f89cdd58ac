package io.eventcommerce.devstack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Database passwords of the embedded stack, for local runs and tests only. They are derived from the user name
 * so every process of a local run agrees on them without a shared file; production takes them from secrets.
 */
public final class DevSecrets {

    /** The users created by deploy/mysql/platform-init.sql; a service's user is named like its schema. */
    public static final List<String> SERVICE_USERS = PlatformService.allSchemas();
    public static final String DEBEZIUM_USER = "debezium";
    /** compliance-service's retention purge, the one user that may drop (expired) audit partitions. */
    public static final String RETENTION_USER = PlatformService.RETENTION_USER;

    /**
     * The Ed25519 key (PKCS#8, base64) that signs compliance-service's audit checkpoints on local runs and in tests.
     * Public, like the development JWT key: a checkpoint signed with it proves nothing outside development.
     * Production takes its own from a secret (COMPLIANCE_AUDIT_SIGNING_KEY); start-up fails without one.
     */
    public static final String AUDIT_SIGNING_KEY = "MC4CAQAwBQYDK2VwBCIEIGRVNHuxhEuL6RWfKwHCsqTkDwnjxGc4/T5h5+eGyn9N";

    private DevSecrets() {
    }

    public static String password(String user) {
        return user + "-dev-password";
    }

    /** Values for the {@code ${NAME}} placeholders of the init SQL. */
    public static Map<String, String> initSqlVariables() {
        Map<String, String> variables = new LinkedHashMap<>();
        for (String user : SERVICE_USERS) {
            variables.put(user.toUpperCase() + "_DB_PASSWORD", password(user));
        }
        variables.put("DEBEZIUM_DB_PASSWORD", password(DEBEZIUM_USER));
        variables.put(PlatformService.RETENTION_PASSWORD_VARIABLE, password(RETENTION_USER));
        variables.put(PlatformService.COPILOT_READER_PASSWORD_VARIABLE, password(PlatformService.COPILOT_READER_USER));
        return variables;
    }
}
