package org.alexandria.itests;

import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.vmOptions;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;

/** Pax Exam options that boot the real Alexandria distribution, shared by every integration test. */
public final class AlexandriaOptions {

    /** HTTP port of the container under test (not 8181, so a running demo does not collide). */
    public static final int HTTP_PORT = 18181;
    /** SSH port of the container under test. */
    public static final int SSH_PORT = 18101;

    private AlexandriaOptions() {
    }

    /** Ids of the domain plugins and workflows the distribution boots with. */
    public static final List<String> DOMAIN_PLUGINS = List.of("tickets", "crash-analyzer", "knowledge-base",
            "workflow-resolution");

    /** @return the option that keeps the demo data out, for tests that count what is in the database */
    public static Option withoutDemoData() {
        return editConfigurationFilePut("etc/org.alexandria.demo.cfg", "enabled", "false");
    }

    /**
     * The platform on an embedded H2 database in a file that outlives the container, for tests that stop Karaf
     * and start it again on the same data; the file is deleted first. Same settings as the distribution's default
     * (etc/org.ops4j.datasource-alexandria.cfg), commits written before they are acknowledged.
     *
     * @param name folder under {@code target/}
     * @return the datasource options
     * @throws IOException when the old database cannot be deleted
     */
    public static Option h2File(String name) throws java.io.IOException {
        java.nio.file.Path db = java.nio.file.Path.of("target", name).toAbsolutePath();
        if (java.nio.file.Files.exists(db)) {
            try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(db)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        String cfg = "etc/org.ops4j.datasource-alexandria.cfg";
        return new org.ops4j.pax.exam.options.DefaultCompositeOption(
                editConfigurationFilePut(cfg, "osgi.jdbc.driver.name", "H2 JDBC Driver"),
                editConfigurationFilePut(cfg, "url", "jdbc:h2:file:" + db.resolve("alexandria") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0"),
                editConfigurationFilePut(cfg, "user", "sa"),
                editConfigurationFilePut(cfg, "password", ""),
                editConfigurationFilePut(cfg, "dataSourceName", "alexandria"),
                editConfigurationFilePut(cfg, "pool", "dbcp2"),
                editConfigurationFilePut(cfg, "xa", "false"));
    }

    /**
     * @param extra options of the calling test
     * @return the options
     */
    public static Option[] distribution(Option... extra) {
        String karaf = new File(System.getProperty("alexandria.itest.distribution",
                "../karaf-distribution/target/alexandria-distribution-0.1.0-SNAPSHOT.tar.gz")).toURI().toString();
        String repo = System.getProperty("maven.repo.local", System.getProperty("user.home") + "/.m2/repository");
        List<Option> options = new ArrayList<>(List.of(
                karafDistributionConfiguration().frameworkUrl(karaf).name("Alexandria").karafVersion("4.4.10")
                        .unpackDirectory(new File("target/exam")).useDeployFolder(false),
                configureConsole().ignoreLocalConsole(),
                logLevel(LogLevel.INFO),
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository", repo),
                editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", Integer.toString(HTTP_PORT)),
                editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", Integer.toString(SSH_PORT)),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", "11099"),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort", "44445"),
                // how long @Inject waits for a service (BootFinished comes after every boot feature; 10 s by default)
                systemProperty("pax.exam.service.timeout").value("240000"),
                systemProperty("alexandria.itest.sampleJar").value(System.getProperty("alexandria.itest.sampleJar", "")),
                systemProperty("alexandria.itest.out").value(System.getProperty("alexandria.itest.out", "target/itest-out")),
                // what bin/karaf passes on Java 9+; Pax Exam's launcher does not
                vmOptions("-Djdk.util.zip.disableZip64ExtraFieldValidation=true",
                        "--add-reads=java.xml=java.logging",
                        "--add-exports=java.base/org.apache.karaf.specs.locator=java.xml,ALL-UNNAMED",
                        "--patch-module", "java.base=lib/endorsed/org.apache.karaf.specs.locator-4.4.10.jar",
                        "--patch-module", "java.xml=lib/endorsed/org.apache.karaf.specs.java.xml-4.4.10.jar",
                        "--add-opens", "java.base/java.security=ALL-UNNAMED",
                        "--add-opens", "java.base/java.net=ALL-UNNAMED",
                        "--add-opens", "java.base/java.lang=ALL-UNNAMED",
                        "--add-opens", "java.base/java.util=ALL-UNNAMED",
                        "--add-opens", "java.naming/javax.naming.spi=ALL-UNNAMED",
                        "--add-opens", "java.rmi/sun.rmi.transport.tcp=ALL-UNNAMED",
                        "--add-exports=java.base/sun.net.www.protocol.file=ALL-UNNAMED",
                        "--add-exports=java.base/sun.net.www.protocol.ftp=ALL-UNNAMED",
                        "--add-exports=java.base/sun.net.www.protocol.http=ALL-UNNAMED",
                        "--add-exports=java.base/sun.net.www.protocol.https=ALL-UNNAMED",
                        "--add-exports=java.base/sun.net.www.protocol.jar=ALL-UNNAMED",
                        "--add-exports=java.base/sun.net.www.content.text=ALL-UNNAMED",
                        "--add-exports=jdk.xml.dom/org.w3c.dom.html=ALL-UNNAMED",
                        "--add-exports=jdk.naming.rmi/com.sun.jndi.url.rmi=ALL-UNNAMED",
                        "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
                        "--add-exports=java.security.sasl/com.sun.security.sasl=ALL-UNNAMED",
                        "--add-exports=java.naming/com.sun.jndi.ldap=ALL-UNNAMED")));
        options.addAll(List.of(extra));
        return options.toArray(new Option[0]);
    }
}
