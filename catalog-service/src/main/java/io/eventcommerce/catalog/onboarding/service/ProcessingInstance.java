package io.eventcommerce.catalog.onboarding.service;

import io.eventcommerce.catalog.CatalogConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** The name of this service instance, recorded on the uploads it processes. */
@ApplicationScoped
public class ProcessingInstance {

    private static final int MAX = 100;

    private final String name;

    public ProcessingInstance(CatalogConfig config) {
        String configured = config.onboarding().instanceName().orElseGet(ProcessingInstance::hostName);
        this.name = configured.length() > MAX ? configured.substring(0, MAX) : configured;
    }

    public String name() {
        return name;
    }

    private static String hostName() {
        String fromEnvironment = System.getenv("HOSTNAME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
