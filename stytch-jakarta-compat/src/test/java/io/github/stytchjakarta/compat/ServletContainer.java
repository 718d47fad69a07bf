package io.github.stytchjakarta.compat;

import io.github.stytchjakarta.testsupport.TestHttp;
import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A servlet container or Jakarta EE server as its distribution from Maven Central runs it: a process of its
 * own, in a base directory of the test's, with WARs deployed under their names ({@code app.war} at
 * {@code /app}), on a free loopback port, with environment variables of the test's.
 */
abstract class ServletContainer implements AutoCloseable {

    private final String name;
    private final String servletVersion;
    private final boolean runsInitializers;
    private boolean fullPlatform;
    private String settings = "none";
    private Path javaExecutable = Path.of(System.getProperty("java.home"), "bin", "java");
    private int javaVersion = Runtime.version().feature();
    private Process process;
    private Path base;

    ServletContainer(String name, String servletVersion, boolean runsInitializers) {
        this.name = name;
        this.servletVersion = servletVersion;
        this.runsInitializers = runsInitializers;
    }

    /** Apache Tomcat from its zip: runs the filter module's {@code ServletContainerInitializer}. */
    static ServletContainer tomcat(Path home) {
        String version = version(home, "apache-tomcat-");
        return new ServletContainer("Tomcat " + version, version.startsWith("10.") ? "6.0" : "6.1", true) {
            @Override
            List<String> prepare(Path base, Map<String, Path> wars, int port) throws IOException {
                copyTree(home.resolve("conf"), base.resolve("conf"));
                for (String directory : List.of("logs", "temp", "work", "webapps")) {
                    Files.createDirectories(base.resolve(directory));
                }
                Path serverXml = base.resolve("conf/server.xml");
                Files.writeString(serverXml, Files.readString(serverXml)
                        .replace("port=\"8080\"", "port=\"" + port + "\" address=\"127.0.0.1\"")
                        .replace("port=\"8005\"", "port=\"-1\""));
                copyWars(wars, base.resolve("webapps"));
                return List.of("-Dcatalina.home=" + home, "-Dcatalina.base=" + base,
                        "-Djava.io.tmpdir=" + base.resolve("temp"),
                        "-cp", home.resolve("bin/bootstrap.jar") + File.pathSeparator + home.resolve("bin/tomcat-juli.jar"),
                        "org.apache.catalina.startup.Bootstrap", "start");
            }
        };
    }

    /**
     * Eclipse GlassFish, or Payara Server (its fork, laid out alike), from its zip, a full Jakarta EE server
     * that loads its own Nimbus first: a copy of {@code domain1} in the base directory, its server JVM started
     * directly with the command line {@code start-domain --dry-run} prints (as the server's {@code startserv}
     * does), so that it is this test's child process.
     *
     * @param product e.g. {@code GlassFish}
     * @param install the unpacked distribution's top folder ({@code glassfish7}, {@code payara6})
     */
    static ServletContainer glassfish(String product, Path install) {
        Path glassfish = install.resolve("glassfish");
        String folder = install.getParent().getFileName().toString();
        return new ServletContainer(product + " " + folder.substring(folder.indexOf('-') + 1), "6.0", true) {
            @Override
            List<String> prepare(Path base, Map<String, Path> wars, int port) throws IOException, InterruptedException {
                copyTree(glassfish.resolve("domains/domain1"), base.resolve("domain1"));
                Path domainXml = base.resolve("domain1/config/domain.xml");
                Files.writeString(domainXml, Files.readString(domainXml)
                        .replace("port=\"8080\"", "port=\"" + port + "\" address=\"127.0.0.1\"")
                        .replace("port=\"8181\"", "port=\"" + freePort() + "\"")
                        .replace("port=\"4848\"", "port=\"" + freePort() + "\"")
                        // Payara Server's default leaves the autodeploy folder unwatched
                        .replace("<das-config>", "<das-config autodeploy-enabled=\"true\" autodeploy-polling-interval-in-seconds=\"1\">"));
                copyWars(wars, Files.createDirectories(base.resolve("domain1/autodeploy")));
                Path dryRun = base.resolve("dry-run.txt");
                Process asadmin = new ProcessBuilder(java().toString(), "-jar", glassfish.resolve("modules/admin-cli.jar").toString(),
                        "start-domain", "--dry-run", "--domaindir", base.toString(), "domain1")
                        .redirectErrorStream(true).redirectOutput(dryRun.toFile()).start();
                if (!asadmin.waitFor(60, TimeUnit.SECONDS) || asadmin.exitValue() != 0) {
                    throw new IOException("start-domain --dry-run failed: " + Files.readString(dryRun));
                }
                // the first line is a heading, the JVM itself comes first and we start our own, the end is a status
                List<String> lines = Files.readAllLines(dryRun).stream().filter(line -> !line.isBlank()).toList();
                return lines.subList(2, lines.size() - 1);
            }
        };
    }

    /**
     * WildFly, or WildFly Preview (Jakarta EE 11), full Jakarta EE platforms, from its zip: a copy of
     * {@code standalone} as the server's base
     * directory, the WAR in its deployment scanner's folder, the server JVM started through {@code jboss-modules}
     * as {@code standalone.sh} does, so that it is this test's child process.
     *
     * @param home     the unpacked distribution ({@code wildfly-39.0.1.Final}, {@code wildfly-preview-39.0.1.Final})
     * @param settings management attributes the application needs, applied as the server boots (its
     *                 {@code --yaml} option), without changing {@code standalone.xml}
     */
    static ServletContainer wildfly(Path home, WildFlySetting... settings) {
        String folder = home.getFileName().toString();
        boolean preview = folder.startsWith("wildfly-preview-");
        String name = preview ? "WildFly Preview " + version(home, "wildfly-preview-") : "WildFly " + version(home, "wildfly-");
        return new ServletContainer(name, preview ? "6.1" : "6.0", true) {
            @Override
            List<String> prepare(Path base, Map<String, Path> wars, int port) throws IOException {
                copyTree(home.resolve("standalone"), base);
                copyWars(wars, base.resolve("deployments"));
                List<String> command = new ArrayList<>(List.of("-Djboss.bind.address=127.0.0.1", "-Djboss.http.port=" + port,
                        "-Djboss.https.port=" + freePort(), "-Djboss.management.http.port=" + freePort(),
                        "-Djboss.management.https.port=" + freePort(),
                        "-Dorg.jboss.boot.log.file=" + base.resolve("log/boot.log"),
                        "-Dlogging.configuration=" + base.resolve("configuration/logging.properties").toUri(),
                        "-jar", home.resolve("jboss-modules.jar").toString(), "-mp", home.resolve("modules").toString(),
                        "org.jboss.as.standalone", "-Djboss.home.dir=" + home, "-Djboss.server.base.dir=" + base));
                if (settings.length > 0) {
                    Path yaml = base.resolve("configuration/settings.yml");
                    Files.writeString(yaml, WildFlySetting.yaml(List.of(settings)));
                    command.add("--yaml=" + yaml);
                }
                return command;
            }
        }.fullPlatform(settings.length == 0 ? "none"
                : Stream.of(settings).map(setting -> "`" + setting.cli() + "`").collect(Collectors.joining("<br>")));
    }

    /**
     * Payara Micro, the runnable jar, a full Jakarta EE platform for the library (it carries Jakarta Security and
     * MicroProfile Config): its root directory in the base directory, each WAR deployed with {@code --deploy}
     * under its file name, no clustering.
     *
     * @param jar     the {@code payara-micro} jar
     * @param version its version, for the name
     */
    static ServletContainer payaraMicro(Path jar, String version) {
        return new ServletContainer("Payara Micro " + version, version.startsWith("6.") ? "6.0" : "6.1", true) {
            @Override
            List<String> prepare(Path base, Map<String, Path> wars, int port) throws IOException {
                Path deployments = Files.createDirectories(base.resolve("wars"));
                copyWars(wars, deployments);
                List<String> command = new ArrayList<>(List.of("-jar", jar.toString(), "--nocluster",
                        "--port", String.valueOf(port), "--sslport", String.valueOf(freePort()),
                        "--rootdir", base.resolve("root").toString()));
                for (String context : wars.keySet()) {
                    command.addAll(List.of("--deploy", deployments.resolve(context + ".war").toString()));
                }
                return command;
            }
        }.fullPlatform("none");
    }

    /**
     * Open Liberty from its zip: a user directory ({@code WLP_USER_DIR}) in the base directory with one server,
     * whose {@code server.xml} is the given features plus the ports (no user registry or key store: without them
     * jakartaee-10.0's ORB logs two errors and holds applications back up to 10 s, nothing more), the WARs in its
     * {@code dropins} folder. The server JVM is started as {@code bin/server run} does (the kernel's launcher jar with Liberty's
     * Java agent and the module options its {@code lib/platform/java} lists for the JDK), so that it is this
     * test's child process.
     *
     * @param wlp      the unpacked distribution's {@code wlp} folder
     * @param features the {@code <feature>}s, e.g. {@code jakartaee-10.0, mpConfig-3.1}
     */
    static ServletContainer liberty(Path wlp, List<String> features) {
        String featureXml = features.stream().map(feature -> "    <feature>" + feature + "</feature>\n")
                .collect(Collectors.joining());
        String servlet = features.stream().anyMatch(feature -> feature.endsWith("-11.0")) ? "6.1" : "6.0";
        return new ServletContainer("Open Liberty " + libertyVersion(wlp) + " " + String.join(", ", features), servlet, true) {
            @Override
            List<String> prepare(Path base, Map<String, Path> wars, int port) throws IOException {
                Path server = Files.createDirectories(base.resolve("servers/app"));
                // the ORB of jakartaee-10.0 (remote EJBs) listens on IIOP ports of its own
                Files.writeString(server.resolve("server.xml"), """
                        <server>
                          <featureManager>
                        %s  </featureManager>
                          <httpEndpoint id="defaultHttpEndpoint" host="127.0.0.1" httpPort="%d" httpsPort="-1"/>
                          <iiopEndpoint id="defaultIiopEndpoint" host="127.0.0.1" iiopPort="%d">
                            <iiopsOptions iiopsPort="%d" sslRef="defaultSSLConfig"/>
                          </iiopEndpoint>
                        </server>
                        """.formatted(featureXml, port, freePort(), freePort()));
                copyWars(wars, Files.createDirectories(server.resolve("dropins")));
                List<String> command = new ArrayList<>(List.of("-javaagent:" + wlp.resolve("bin/tools/ws-javaagent.jar")));
                Path options = wlp.resolve("lib/platform/java/" + (javaVersion() >= 24 ? "java24.options" : "java9.options"));
                Files.readAllLines(options).stream().map(String::strip)
                        .filter(line -> !line.isEmpty() && !line.startsWith("#")).forEach(command::add);
                command.addAll(List.of("-jar", wlp.resolve("bin/tools/ws-server.jar").toString(), "app"));
                return command;
            }

            @Override
            Map<String, String> serverEnvironment(Path base) {
                return Map.of("WLP_USER_DIR", base.toString());
            }
        };
    }

    /**
     * A management attribute WildFly must have for an application: written once, shown as the {@code jboss-cli.sh}
     * command a user runs, applied by the runner as the YAML document WildFly reads at boot.
     *
     * @param address   e.g. {@code subsystem=undertow/application-security-domain=other}
     * @param attribute e.g. {@code integrated-jaspi}
     * @param value     e.g. {@code false}
     */
    record WildFlySetting(String address, String attribute, String value) {

        /**
         * What an application whose Jakarta Security mechanism names callers WildFly's own realms do not know (the
         * Stytch mechanism) needs on the default domain: otherwise Elytron refuses them ({@code ELY01177}).
         */
        static final WildFlySetting NON_INTEGRATED_JASPI =
                new WildFlySetting("subsystem=undertow/application-security-domain=other", "integrated-jaspi", "false");

        /** @return e.g. {@code /subsystem=undertow/application-security-domain=other:write-attribute(name=integrated-jaspi,value=false)} */
        String cli() {
            return "/" + address + ":write-attribute(name=" + attribute + ",value=" + value + ")";
        }

        /** @return the settings as one {@code wildfly-configuration} document, each address a path of nested keys */
        static String yaml(List<WildFlySetting> settings) {
            Map<String, Object> root = new LinkedHashMap<>();
            for (WildFlySetting setting : settings) {
                Map<String, Object> node = root;
                for (String element : setting.address().split("/")) {
                    String[] typeAndName = element.split("=", 2);
                    node = child(child(node, typeAndName[0]), typeAndName[1]);
                }
                node.put(setting.attribute(), setting.value());
            }
            StringBuilder yaml = new StringBuilder("wildfly-configuration:\n");
            write(root, "  ", yaml);
            return yaml.toString();
        }

        @SuppressWarnings("unchecked")
        private static Map<String, Object> child(Map<String, Object> node, String key) {
            return (Map<String, Object>) node.computeIfAbsent(key, k -> new LinkedHashMap<String, Object>());
        }

        @SuppressWarnings("unchecked")
        private static void write(Map<String, Object> node, String indent, StringBuilder yaml) {
            node.forEach((key, value) -> {
                yaml.append(indent).append(key).append(':');
                if (value instanceof Map<?, ?> children) {
                    yaml.append('\n');
                    write((Map<String, Object>) children, indent + "  ", yaml);
                } else {
                    yaml.append(' ').append(value).append('\n');
                }
            });
        }
    }

    /**
     * Jetty from {@code jetty-home}, with the given modules in a new Jetty base.
     *
     * @param environment the EE environment of the modules, for the name
     * @param modules     e.g. {@code http,ee10-deploy} (no annotations module: no initializer runs)
     */
    static ServletContainer jetty(Path home, String environment, String modules) {
        return new ServletContainer("Jetty " + version(home, "jetty-home-") + " " + environment + " (" + modules + ")",
                environment.equals("ee11") ? "6.1" : "6.0", modules.contains("annotations")) {
            @Override
            List<String> prepare(Path base, Map<String, Path> wars, int port) throws IOException, InterruptedException {
                Process setup = new ProcessBuilder(java().toString(), "-jar", home.resolve("start.jar").toString(),
                        "jetty.home=" + home, "jetty.base=" + base, "--add-modules=" + modules)
                        .directory(base.toFile()).redirectErrorStream(true).redirectOutput(base.resolve("setup.log").toFile())
                        .start();
                if (!setup.waitFor(60, TimeUnit.SECONDS) || setup.exitValue() != 0) {
                    throw new IOException("Jetty base setup failed: " + Files.readString(base.resolve("setup.log")));
                }
                copyWars(wars, Files.createDirectories(base.resolve("webapps")));
                return List.of("-jar", home.resolve("start.jar").toString(), "jetty.home=" + home, "jetty.base=" + base,
                        "jetty.http.port=" + port, "jetty.http.host=127.0.0.1");
            }
        };
    }

    /**
     * Marks the server as a full Jakarta EE platform (CDI, JAX-RS, Jakarta Security, MicroProfile Config):
     * the example app runs there.
     *
     * @param settings what an application's operator must set on the server, {@code none} if nothing
     * @return this server
     */
    ServletContainer fullPlatform(String settings) {
        this.fullPlatform = true;
        this.settings = settings;
        return this;
    }

    /**
     * Runs the container on another JDK.
     *
     * @param javaExecutable its {@code bin/java}
     * @param javaVersion    its feature version, for the name
     * @return this container
     */
    ServletContainer on(Path javaExecutable, int javaVersion) {
        this.javaExecutable = javaExecutable;
        this.javaVersion = javaVersion;
        return this;
    }

    /** @return the Servlet version of the container */
    String servletVersion() {
        return servletVersion;
    }

    /** @return the Java feature version the container runs on */
    int javaVersion() {
        return javaVersion;
    }

    /** @return whether the server is a full Jakarta EE platform that runs the example app */
    boolean fullPlatform() {
        return fullPlatform;
    }

    /** @return what must be set on the server for the library, {@code none} if nothing */
    String settings() {
        return settings;
    }

    /** @return whether the container runs {@code ServletContainerInitializer}s (Jetty only with its annotations module) */
    boolean runsInitializers() {
        return runsInitializers;
    }

    /** @return e.g. {@code Tomcat 11.0.24} */
    String name() {
        return name;
    }

    /**
     * Starts the container with WARs.
     *
     * @param wars        the WARs by context name ({@code app}: {@code /app})
     * @param base        an empty directory for the container's own files
     * @param environment environment variables of the server process
     * @return the server's base URI ({@code http://127.0.0.1:PORT/})
     */
    URI start(Map<String, Path> wars, Path base, Map<String, String> environment) throws IOException, InterruptedException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(javaExecutable.toString()));
        command.addAll(prepare(base, wars, port));
        this.base = base;
        ProcessBuilder builder = new ProcessBuilder(command).directory(base.toFile()).redirectErrorStream(true)
                .redirectOutput(base.resolve("server.log").toFile());
        builder.environment().putAll(serverEnvironment(base));
        builder.environment().putAll(environment);
        process = builder.start();
        process.getOutputStream().close(); // no console: Payara Server waits for one while its standard input is open
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    /**
     * Waits until the application answers a probe with its own {@code WWW-Authenticate} challenge (before it
     * is deployed: connection refused, or the server's 404/503).
     *
     * @param probe    a protected URI of the application
     * @param deadline how long to wait
     * @throws AssertionError if the server exits or the deadline passes, with the server's log
     */
    void awaitDeployed(URI probe, Duration deadline) throws IOException, InterruptedException {
        Instant end = Instant.now().plus(deadline);
        while (Instant.now().isBefore(end)) {
            if (!isRunning()) {
                throw new AssertionError(this + " exited:\n" + log());
            }
            try {
                if (TestHttp.to(probe).get("").headers().firstValue("WWW-Authenticate").isPresent()) {
                    return;
                }
            } catch (UncheckedIOException e) {
                if (!(e.getCause() instanceof ConnectException || e.getCause() instanceof HttpTimeoutException)) {
                    throw e;
                }
                // not listening yet, or busy deploying
            }
            Thread.sleep(250);
        }
        throw new AssertionError(this + " did not deploy " + probe + " within " + deadline + ":\n" + log());
    }

    /** @return what the container printed so far, and what it wrote to log files of its own (GlassFish's) */
    String log() throws IOException {
        if (base == null) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.walk(base)) {
            for (Path file : files.filter(path -> path.getFileName().toString().equals("server.log")).toList()) {
                text.append("== ").append(base.relativize(file)).append('\n').append(Files.readString(file));
            }
        }
        return text.toString();
    }

    /** @return whether the process still runs */
    boolean isRunning() {
        return process != null && process.isAlive();
    }

    abstract List<String> prepare(Path base, Map<String, Path> wars, int port) throws IOException, InterruptedException;

    /**
     * Environment variables the server itself needs (where a launcher reads its directories from them).
     *
     * @param base the server's base directory
     * @return the variables
     */
    Map<String, String> serverEnvironment(Path base) {
        return Map.of();
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Override
    public String toString() {
        return name + " on Java " + javaVersion;
    }

    Path java() {
        return javaExecutable;
    }

    private static String libertyVersion(Path wlp) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(wlp.resolve("lib/versions/openliberty.properties"))) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("com.ibm.websphere.productVersion");
    }

    private static String version(Path home, String prefix) {
        return home.getFileName().toString().substring(prefix.length());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void copyWars(Map<String, Path> wars, Path folder) throws IOException {
        for (Map.Entry<String, Path> war : wars.entrySet()) {
            Files.copy(war.getValue(), folder.resolve(war.getKey() + ".war"));
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
