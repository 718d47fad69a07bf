package io.github.stytchjakarta.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * What an adopter gets from the published artifacts: the README's dependency XML names the BOM and
 * modules the BOM manages, and a Maven project made of that XML (plus the container's APIs, provided)
 * builds a consumer module that compiles against the API packages and not against an {@code .internal}
 * one. The consumer builds run the Maven of this build on the module path, against this build's artifacts
 * in a local repository of their own (the invoker's {@code install}), with plugins and the Jakarta APIs
 * from this build's local repository or Maven Central.
 */
class PublishedApiIT {

    private static final String GROUP_ID = "io.github.stytchjakarta";

    /** A javac error for a package the module path hides, as Maven prints it: {@code App.java:[5,55] package … is not visible}. */
    private static final Pattern ACCESS_ERROR = Pattern.compile("App\\.java:\\[\\d+,\\d+] .*(is not visible|does not export)");

    /** How long one consumer build may take: a cold JVM, Maven and javac, not a download. */
    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(3);

    @TempDir
    Path work;

    @Test
    void readmeDependencyXmlWhenReadThenTheBomOfThisVersionManagesEveryModuleItNames() throws Exception {
        Element readme = readmeDependencyXml();
        Element bom = (Element) readme.getElementsByTagName("dependencyManagement").item(0);
        Map<String, String> imported = coordinates((Element) bom.getElementsByTagName("dependency").item(0));
        Element bomPom = xml(Files.readString(projectRoot().resolve("stytch-jakarta-bom/pom.xml")));
        List<String> managed = children(bomPom, "dependencyManagement", "dependency").stream()
                .map(dependency -> coordinates(dependency).get("artifactId")).toList();

        assertThat(imported).containsEntry("groupId", GROUP_ID).containsEntry("artifactId", "stytch-jakarta-bom")
                .containsEntry("version", System.getProperty("it.project-version"))
                .containsEntry("type", "pom").containsEntry("scope", "import");
        List<Element> dependencies = children(readme, "dependencies", "dependency");
        assertThat(dependencies).isNotEmpty();
        for (Element dependency : dependencies) {
            Map<String, String> coordinates = coordinates(dependency);
            assertThat(coordinates).as("a README dependency").containsEntry("groupId", GROUP_ID)
                    .doesNotContainKey("version");
            assertThat(managed).as("managed by the BOM").contains(coordinates.get("artifactId"));
            assertThat(Files.exists(projectRoot().resolve(coordinates.get("artifactId")))).isTrue();
        }
    }

    @Test
    void buildWhenAConsumerModuleUsesThePublishedApiThenItCompiles() throws Exception {
        Build build = build("""
                module consumer { requires io.github.stytchjakarta.cdi; }
                """, """
                package consumer;

                import io.github.stytchjakarta.cdi.CurrentStytchSession;
                import io.github.stytchjakarta.cdi.RequiresPermission;
                import io.github.stytchjakarta.core.Stytch;
                import io.github.stytchjakarta.core.StytchConfig;
                import io.github.stytchjakarta.filter.StytchAuthenticationFilter;

                public class App {
                    @RequiresPermission(resource = "documents", action = "read")
                    public Object use(CurrentStytchSession session) {
                        Stytch stytch = Stytch.create(StytchConfig.builder().projectId("project-test-x").build());
                        return new Object[] {session, stytch, StytchAuthenticationFilter.class};
                    }
                }
                """);

        assertThat(build.exitCode()).as(build.log()).isZero();
    }

    @Test
    void buildWhenAConsumerModuleUsesAnInternalPackageThenItDoesNotCompile() throws Exception {
        Build build = build("""
                module consumer { requires io.github.stytchjakarta.cdi; }
                """, """
                package consumer;

                public class App {
                    Object core = io.github.stytchjakarta.core.internal.LogThrottle.class;
                    Object filter = io.github.stytchjakarta.filter.internal.RequestPath.class;
                    Object cdi = io.github.stytchjakarta.cdi.internal.StytchExtension.class;
                }
                """);

        assertThat(build.exitCode()).as(build.log()).isNotZero();
        // javac's errors, each once per position (Maven prints them twice)
        assertThat(build.log().lines().map(ACCESS_ERROR::matcher).filter(Matcher::find).map(Matcher::group).distinct())
                .as(build.log()).hasSize(3);
    }

    /** The exit code and output of one Maven run. */
    private record Build(int exitCode, String log) {
    }

    /**
     * Builds ({@code mvn compile}) a project whose POM is the README's dependency XML with the container's
     * APIs added as provided dependencies.
     */
    private Build build(String moduleInfo, String app) throws Exception {
        Path project = work.resolve("consumer");
        Files.createDirectories(project.resolve("src/main/java/consumer"));
        Files.writeString(project.resolve("src/main/java/module-info.java"), moduleInfo);
        Files.writeString(project.resolve("src/main/java/consumer/App.java"), app);
        Files.writeString(project.resolve("pom.xml"), consumerPom());
        Path settings = Files.writeString(work.resolve("settings.xml"), settings());
        Path log = work.resolve("build.log");

        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("it.maven-home"), "bin", File.separatorChar == '\\' ? "mvn.cmd" : "mvn").toString(),
                "-B", "-ntp", "-s", settings.toString(), "-Dmaven.repo.local=" + System.getProperty("it.consumer-repository")));
        if (System.getProperty("it.offline").equals("offline=true")) {
            // offline like the outer build, yet still reading the outer local repository through its file: URL
            command.addAll(List.of("-o", "-Daether.offline.protocols=file"));
        }
        command.add("compile");
        Process maven = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!maven.waitFor(BUILD_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            maven.destroyForcibly();
            throw new AssertionError("the consumer build took over " + BUILD_TIMEOUT + ":\n" + Files.readString(log));
        }
        return new Build(maven.exitValue(), Files.readString(log));
    }

    private static String consumerPom() throws Exception {
        Element pom = readmeDependencyXml();
        Document document = pom.getOwnerDocument();
        Element dependencies = (Element) children(pom, "dependencies", "dependency").get(0).getParentNode();
        for (String api : System.getProperty("it.container-apis").split(",")) {
            String[] coordinates = api.trim().split(":");
            Element dependency = document.createElement("dependency");
            append(dependency, "groupId", coordinates[0]);
            append(dependency, "artifactId", coordinates[1]);
            append(dependency, "version", coordinates[2]);
            append(dependency, "scope", "provided");
            dependencies.appendChild(dependency);
        }
        String readmePart = serialize(pom).replaceFirst("(?s)^.*?<project>", "").replaceFirst("(?s)</project>\\s*$", "");
        return """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>consumer</groupId>
                  <artifactId>consumer</artifactId>
                  <version>1</version>
                  <properties>
                    <maven.compiler.release>17</maven.compiler.release>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                  </properties>
                %s
                  <build>
                    <pluginManagement>
                      <plugins>
                        <plugin>
                          <artifactId>maven-compiler-plugin</artifactId>
                          <version>%s</version>
                        </plugin>
                        <plugin>
                          <artifactId>maven-resources-plugin</artifactId>
                          <version>%s</version>
                        </plugin>
                      </plugins>
                    </pluginManagement>
                  </build>
                </project>
                """.formatted(readmePart, System.getProperty("it.compiler-plugin-version"),
                System.getProperty("it.resources-plugin-version"));
    }

    // this build's local repository as one more remote repository, for plugins and the Jakarta APIs
    private static String settings() {
        String url = Path.of(System.getProperty("it.outer-repository")).toUri().toString();
        String repository = "<id>outer-local</id><url>" + url + "</url>";
        return """
                <settings>
                  <profiles>
                    <profile>
                      <id>outer-local</id>
                      <repositories><repository>%1$s</repository></repositories>
                      <pluginRepositories><pluginRepository>%1$s</pluginRepository></pluginRepositories>
                    </profile>
                  </profiles>
                  <activeProfiles><activeProfile>outer-local</activeProfile></activeProfiles>
                </settings>
                """.formatted(repository);
    }

    private static void append(Element parent, String name, String text) {
        Element child = parent.getOwnerDocument().createElement(name);
        child.setTextContent(text);
        parent.appendChild(child);
    }

    private static String serialize(Element element) throws Exception {
        Transformer transformer = TransformerFactory.newInstance().newTransformer();
        transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
        StringWriter text = new StringWriter();
        transformer.transform(new DOMSource(element), new StreamResult(text));
        return text.toString();
    }

    private static Element readmeDependencyXml() throws Exception {
        String readme = Files.readString(projectRoot().resolve("README.md"));
        Matcher block = Pattern.compile("## Add it to your build.*?```xml\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(block.find()).as("the README's dependency XML").isTrue();
        return xml("<project>" + block.group(1) + "</project>");
    }

    private static Map<String, String> coordinates(Element dependency) {
        Map<String, String> coordinates = new LinkedHashMap<>();
        NodeList children = dependency.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element child) {
                coordinates.put(child.getTagName(), child.getTextContent().trim());
            }
        }
        return coordinates;
    }

    // the <dependency> elements directly under the first <section>/<dependencies> of a document
    private static List<Element> children(Element root, String section, String name) {
        List<Element> found = new ArrayList<>();
        NodeList sections = root.getElementsByTagName(section);
        for (int s = 0; s < sections.getLength(); s++) {
            if (sections.item(s).getParentNode() != root) {
                continue;
            }
            NodeList all = ((Element) sections.item(s)).getElementsByTagName(name);
            for (int i = 0; i < all.getLength(); i++) {
                found.add((Element) all.item(i));
            }
        }
        return found;
    }

    private static Element xml(String text) throws Exception {
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(text)));
        return document.getDocumentElement();
    }

    private static Path projectRoot() {
        return Path.of(System.getProperty("it.project-root"));
    }
}
