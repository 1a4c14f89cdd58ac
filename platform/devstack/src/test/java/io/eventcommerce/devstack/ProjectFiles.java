package io.eventcommerce.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static io.eventcommerce.devstack.RegistrationDrift.AUDIT_CONNECTOR;
import static io.eventcommerce.devstack.RegistrationDrift.COMPOSE;
import static io.eventcommerce.devstack.RegistrationDrift.DEPLOY_README;
import static io.eventcommerce.devstack.RegistrationDrift.EVENTS_DOC;
import static io.eventcommerce.devstack.RegistrationDrift.INIT_SCRIPT;
import static io.eventcommerce.devstack.RegistrationDrift.INIT_SQL;
import static io.eventcommerce.devstack.RegistrationDrift.K8S_CONNECT;
import static io.eventcommerce.devstack.RegistrationDrift.K8S_SECRETS;
import static io.eventcommerce.devstack.RegistrationDrift.K8S_SERVICES;
import static io.eventcommerce.devstack.RegistrationDrift.K8S_TOPICS;
import static io.eventcommerce.devstack.RegistrationDrift.KUSTOMIZATION;
import static io.eventcommerce.devstack.RegistrationDrift.OUTBOX_CONNECTOR;
import static io.eventcommerce.devstack.RegistrationDrift.README;
import static io.eventcommerce.devstack.RegistrationDrift.ROOT_POM;
import static io.eventcommerce.devstack.RegistrationDrift.STACK_RUNTIME_POM;
import static io.eventcommerce.devstack.RegistrationDrift.SYSTEM_TESTS_POM;
import static io.eventcommerce.devstack.RegistrationDrift.properties;

/**
 * The texts of the files {@link RegistrationDrift} checks, by path relative to the project root; the Kubernetes
 * service files are found by listing their folder.
 */
record ProjectFiles(Map<String, String> files) {

    static ProjectFiles read(Path root) {
        Map<String, String> files = new TreeMap<>();
        List<String> paths = new ArrayList<>(List.of(ROOT_POM, SYSTEM_TESTS_POM, COMPOSE, KUSTOMIZATION, K8S_TOPICS,
                K8S_SECRETS, INIT_SQL, INIT_SCRIPT, OUTBOX_CONNECTOR, AUDIT_CONNECTOR, K8S_CONNECT, STACK_RUNTIME_POM,
                DEPLOY_README, README, EVENTS_DOC));
        for (PlatformService service : PlatformService.values()) {
            paths.add(properties(service));
        }
        try (Stream<Path> k8s = Files.list(root.resolve(K8S_SERVICES))) {
            k8s.map(p -> K8S_SERVICES + p.getFileName()).filter(p -> p.endsWith(".yaml")).forEach(paths::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String path : paths) {
            Path file = root.resolve(path);
            try {
                if (Files.exists(file)) {
                    files.put(path, Files.readString(file));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new ProjectFiles(files);
    }

    String get(String path) {
        return files.get(path);
    }

    /** A copy with one file's text replaced ({@code null}: the file removed). */
    ProjectFiles with(String path, String text) {
        Map<String, String> copy = new TreeMap<>(files);
        if (text == null) {
            copy.remove(path);
        } else {
            copy.put(path, text);
        }
        return new ProjectFiles(copy);
    }
}
