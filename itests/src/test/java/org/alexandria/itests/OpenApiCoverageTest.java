package org.alexandria.itests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.github.classgraph.AnnotationInfo;
import io.github.classgraph.AnnotationInfoList;
import io.github.classgraph.AnnotationParameterValueList;
import io.github.classgraph.ClassGraph;
import io.github.classgraph.ClassInfo;
import io.github.classgraph.MethodInfo;
import io.github.classgraph.ScanResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.annotation.security.DenyAll;
import javax.annotation.security.PermitAll;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.HttpMethod;
import org.alexandria.api.security.Roles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code docs/api/openapi.yaml} and the code in step: every JAX-RS resource method of every
 * Alexandria bundle on the test class path must be a documented operation, and every documented
 * operation must exist. Reads the classes' bytecode with ClassGraph (nothing is loaded or started), so
 * it runs as a plain unit test.
 */
class OpenApiCoverageTest {

    private static final String PATH = "javax.ws.rs.Path";
    private static final Set<String> OPENAPI_METHODS =
            Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final Pattern SERVER_PATH = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://[^/]*(/.*)?$");

    /** One HTTP operation: upper-case method and normalised path template. */
    record Operation(String method, String path) implements Comparable<Operation> {
        @Override
        public int compareTo(Operation other) {
            int byPath = path.compareTo(other.path);
            return byPath != 0 ? byPath : method.compareTo(other.method);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /**
     * Who may call an operation, as the security filter decides it.
     *
     * @param open  {@code @PermitAll}: no authentication
     * @param roles the accepted roles (none for {@code @DenyAll})
     */
    record Access(boolean open, Set<String> roles) {
    }

    /** Operation to the resource methods declaring it. */
    private static Map<Operation, List<String>> resources;
    /** Operation to the access rule of (the first of) its resource methods. */
    private static Map<Operation, Access> access;
    private static Set<Operation> documented;
    private static JsonNode spec;

    @BeforeAll
    static void readBothSides() throws IOException {
        access = new TreeMap<>();
        resources = scanResources(access);
        spec = new YAMLMapper().readTree(Files.readString(specFile()));
        documented = readSpec(spec);
    }

    static Path specFile() {
        Path file = Paths.get(System.getProperty("user.dir")).resolve("../docs/api/openapi.yaml").normalize();
        assertThat(file).as("the OpenAPI spec (user.dir must be the itests module)").isRegularFile();
        return file;
    }

    @Test
    void scanSeesTheResourcesOfTheRestBundleAndTheSamplePlugin() {
        Set<String> packages = new TreeSet<>();
        resources.values().forEach(sources -> sources.forEach(s -> packages.add(s.substring(0, s.lastIndexOf('.')))));
        assertThat(packages).as("packages with JAX-RS resources on the test class path")
                .anyMatch(p -> p.startsWith("org.alexandria.rest."))
                .anyMatch(p -> p.startsWith("org.alexandria.samples."));
        assertThat(documented).as("operations in the spec").isNotEmpty();
    }

    @Test
    void everyResourceOperationIsDocumented() {
        Map<Operation, List<String>> undocumented = new TreeMap<>(resources);
        undocumented.keySet().removeAll(documented);
        assertThat(undocumented)
                .as("REST operations that docs/api/openapi.yaml does not describe (operation=[resource method])")
                .isEmpty();
    }

    @Test
    void everyDocumentedOperationExists() {
        Set<Operation> orphans = new TreeSet<>(documented);
        orphans.removeAll(resources.keySet());
        assertThat(orphans).as("operations in docs/api/openapi.yaml that no resource implements").isEmpty();
    }

    @Test
    void noOperationIsDeclaredTwice() {
        Map<Operation, List<String>> clashes = new TreeMap<>();
        resources.forEach((operation, sources) -> {
            if (sources.size() > 1) {
                clashes.put(operation, sources);
            }
        });
        assertThat(clashes).as("operations declared by more than one resource method").isEmpty();
    }

    /** The {@code x-roles} of each operation and its {@code security} must say what the annotations say. */
    @Test
    void documentedRolesMatchTheCode() {
        Map<Operation, String> wrong = new TreeMap<>();
        access.forEach((operation, rule) -> {
            JsonNode doc = operationNode(operation);
            if (doc == null) {
                return; // reported by everyResourceOperationIsDocumented
            }
            Set<String> xRoles = new TreeSet<>();
            doc.path("x-roles").forEach(role -> xRoles.add(role.asText()));
            if (!doc.path("x-roles").isArray() || !xRoles.equals(new TreeSet<>(rule.roles()))) {
                wrong.put(operation, "x-roles " + doc.path("x-roles") + " but the code allows " + new TreeSet<>(rule.roles()));
            }
            JsonNode security = doc.path("security");
            boolean documentedOpen = security.isArray() && security.isEmpty();
            if (documentedOpen != rule.open()) {
                wrong.put(operation, rule.open() ? "open (@PermitAll) but the spec requires authentication"
                        : "needs authentication but the spec says security: []");
            }
        });
        assertThat(wrong).as("operations whose documented roles differ from @RolesAllowed/@PermitAll").isEmpty();
    }

    @Test
    void pathTemplatesAreNormalised() {
        assertThat(normalise("api/v1/plugins/")).isEqualTo("/api/v1/plugins");
        assertThat(normalise("/api//v1/tokens/{ id }")).isEqualTo("/api/v1/tokens/{id}");
        assertThat(normalise("/api/v1/items/{id: [0-9]{1,9}}/notes")).isEqualTo("/api/v1/items/{id}/notes");
        assertThat(normalise("/")).isEqualTo("/");
    }

    // ---- the code side

    private static Map<Operation, List<String>> scanResources(Map<Operation, Access> rules) {
        Map<Operation, List<String>> found = new TreeMap<>();
        try (ScanResult scan = new ClassGraph().enableClassInfo().enableMethodInfo().enableAnnotationInfo()
                .acceptPackages("org.alexandria").scan()) {
            for (ClassInfo type : scan.getClassesWithAnnotation(PATH)) {
                if (type.isInterface() || type.isAbstract() || type.isAnnotation()) {
                    continue;
                }
                String base = pathValue(type.getAnnotationInfo(PATH));
                List<ClassInfo> hierarchy = new ArrayList<>();
                hierarchy.add(type);
                hierarchy.addAll(type.getSuperclasses());
                hierarchy.addAll(type.getInterfaces());
                for (ClassInfo declaring : hierarchy) {
                    for (MethodInfo method : declaring.getDeclaredMethodInfo()) {
                        AnnotationInfo sub = method.getAnnotationInfo(PATH);
                        String http = httpMethod(method);
                        String source = type.getName() + "#" + method.getName();
                        if (http == null) {
                            assertThat(sub).as("%s is a sub-resource locator, which this check does not follow;"
                                    + " declare its operations on a resource class", source).isNull();
                            continue;
                        }
                        String path = normalise(base + "/" + (sub == null ? "" : pathValue(sub)));
                        Operation operation = new Operation(http, path);
                        rules.putIfAbsent(operation, access(method, type));
                        List<String> sources = found.computeIfAbsent(operation, k -> new ArrayList<>());
                        if (!sources.contains(source)) {
                            sources.add(source);
                        }
                    }
                }
            }
        }
        return found;
    }

    /** Mirrors the security filter: method annotations win over class annotations; none means any platform role. */
    private static Access access(MethodInfo method, ClassInfo type) {
        for (AnnotationInfoList annotations : List.of(method.getAnnotationInfo(), type.getAnnotationInfo())) {
            if (annotations.containsName(DenyAll.class.getName())) {
                return new Access(false, Set.of());
            }
            if (annotations.containsName(PermitAll.class.getName())) {
                return new Access(true, Set.of());
            }
            AnnotationInfo allowed = annotations.get(RolesAllowed.class.getName());
            if (allowed != null) {
                Object value = allowed.getParameterValues().getValue("value");
                Set<String> roles = new TreeSet<>();
                if (value instanceof Object[] array) {
                    for (Object role : array) {
                        roles.add(role.toString());
                    }
                } else if (value != null) {
                    roles.add(value.toString());
                }
                return new Access(false, roles);
            }
        }
        return new Access(false, Roles.ALL);
    }

    private static String pathValue(AnnotationInfo path) {
        AnnotationParameterValueList values = path.getParameterValues();
        Object value = values.getValue("value");
        return value == null ? "" : value.toString();
    }

    /** The HTTP method of a resource method: any annotation that is itself annotated with {@code @HttpMethod}. */
    private static String httpMethod(MethodInfo method) {
        for (AnnotationInfo annotation : method.getAnnotationInfo()) {
            Class<?> type;
            try {
                type = Class.forName(annotation.getName(), false, OpenApiCoverageTest.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                continue; // e.g. OSGi build-time annotations, which are not on the test class path
            }
            HttpMethod http = type.getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value().toUpperCase(Locale.ROOT);
            }
        }
        return null;
    }

    // ---- the spec side

    private static Set<Operation> readSpec(JsonNode spec) {
        String prefix = serverPath(spec);
        JsonNode paths = spec.path("paths");
        assertThat(paths.isObject()).as("the spec has a paths object").isTrue();
        Set<Operation> operations = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> item = it.next();
            assertThat(item.getValue().has("$ref")).as("path item %s uses $ref, which this check does not follow",
                    item.getKey()).isFalse();
            for (Iterator<String> keys = item.getValue().fieldNames(); keys.hasNext(); ) {
                String key = keys.next();
                if (OPENAPI_METHODS.contains(key)) {
                    operations.add(new Operation(key.toUpperCase(Locale.ROOT), normalise(prefix + "/" + item.getKey())));
                }
            }
        }
        return operations;
    }

    private static JsonNode operationNode(Operation operation) {
        String prefix = serverPath(spec);
        for (Iterator<Map.Entry<String, JsonNode>> it = spec.path("paths").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> item = it.next();
            if (normalise(prefix + "/" + item.getKey()).equals(operation.path())) {
                JsonNode node = item.getValue().get(operation.method().toLowerCase(Locale.ROOT));
                if (node != null) {
                    return node;
                }
            }
        }
        return null;
    }

    /** The path part of the servers' URL (empty when they serve at the root); all servers must agree. */
    private static String serverPath(JsonNode spec) {
        Set<String> prefixes = new TreeSet<>();
        for (JsonNode server : spec.path("servers")) {
            String url = server.path("url").asText("");
            Matcher absolute = SERVER_PATH.matcher(url);
            String path = absolute.matches() ? (absolute.group(1) == null ? "" : absolute.group(1)) : url;
            prefixes.add(normalise(path).equals("/") ? "" : normalise(path));
        }
        assertThat(prefixes).as("base paths of the spec's servers").hasSizeLessThanOrEqualTo(1);
        return prefixes.isEmpty() ? "" : prefixes.iterator().next();
    }

    // ---- shared

    /**
     * One leading slash, no doubled or trailing slashes, and templates reduced to their names, so
     * {@code {id : [0-9]+}} (JAX-RS) and {@code {id}} (OpenAPI) compare equal.
     */
    static String normalise(String template) {
        StringBuilder out = new StringBuilder("/");
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c == '{') {
                int depth = 1;
                int j = i + 1;
                StringBuilder name = new StringBuilder();
                boolean inName = true;
                while (j < template.length() && depth > 0) {
                    char d = template.charAt(j);
                    if (d == '{') {
                        depth++;
                    } else if (d == '}') {
                        depth--;
                    } else if (d == ':' && depth == 1) {
                        inName = false;
                    }
                    if (depth > 0 && inName) {
                        name.append(d);
                    }
                    j++;
                }
                out.append('{').append(name.toString().strip()).append('}');
                i = j;
            } else {
                if (c != '/' || out.charAt(out.length() - 1) != '/') {
                    out.append(c);
                }
                i++;
            }
        }
        if (out.length() > 1 && out.charAt(out.length() - 1) == '/') {
            out.setLength(out.length() - 1);
        }
        return out.toString();
    }
}
