package org.alexandria.core.internal.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.alexandria.api.persistence.MigrationException;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * Finds the migration scripts of a module: in the owner's bundle when running in OSGi, otherwise in the
 * class path entry (folder or jar) that holds the owner class.
 */
final class MigrationScripts {

    private MigrationScripts() {
    }

    static List<MigrationScript> find(Class<?> owner, String location) {
        String folder = location.replaceAll("^/+|/+$", "");
        Bundle bundle = FrameworkUtil.getBundle(owner);
        List<String> names = bundle != null ? inBundle(bundle, folder) : onClassPath(owner, folder);
        List<MigrationScript> scripts = new ArrayList<>();
        Set<Integer> versions = new HashSet<>();
        for (String name : names) {
            MigrationScript script = MigrationScript.of(name, read(owner, bundle, folder + "/" + name));
            if (!versions.add(script.version())) {
                throw new MigrationException("Two migration scripts with version " + script.version() + " in " + folder);
            }
            scripts.add(script);
        }
        scripts.sort(Comparator.comparingInt(MigrationScript::version));
        return scripts;
    }

    private static List<String> inBundle(Bundle bundle, String folder) {
        List<String> names = new ArrayList<>();
        Enumeration<URL> entries = bundle.findEntries(folder, "*.sql", false);
        while (entries != null && entries.hasMoreElements()) {
            String path = entries.nextElement().getPath();
            names.add(path.substring(path.lastIndexOf('/') + 1));
        }
        return names;
    }

    private static List<String> onClassPath(Class<?> owner, String folder) {
        URL url = owner.getClassLoader().getResource(folder);
        if (url == null) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        try {
            if ("file".equals(url.getProtocol())) {
                try (DirectoryStream<Path> dir = Files.newDirectoryStream(Path.of(url.toURI()), "*.sql")) {
                    dir.forEach(p -> names.add(p.getFileName().toString()));
                }
            } else if ("jar".equals(url.getProtocol())) {
                String path = url.getPath();
                Path jar = Path.of(new java.net.URI(path.substring(0, path.indexOf("!/"))));
                try (JarFile file = new JarFile(jar.toFile())) {
                    for (JarEntry entry : java.util.Collections.list(file.entries())) {
                        String name = entry.getName();
                        if (name.startsWith(folder + "/") && name.endsWith(".sql") && name.indexOf('/', folder.length() + 1) < 0) {
                            names.add(name.substring(folder.length() + 1));
                        }
                    }
                }
            } else {
                throw new MigrationException("Cannot list migration scripts at " + url);
            }
        } catch (IOException | URISyntaxException e) {
            throw new MigrationException("Cannot list migration scripts at " + url, e);
        }
        return names;
    }

    private static String read(Class<?> owner, Bundle bundle, String path) {
        URL url = bundle != null ? bundle.getEntry(path) : owner.getClassLoader().getResource(path);
        if (url == null) {
            throw new MigrationException("Migration script disappeared: " + path);
        }
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MigrationException("Cannot read migration script " + path, e);
        }
    }
}
