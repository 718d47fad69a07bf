package io.github.stytchjakarta.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * What an adopter gets from the published artifacts: the README's dependency XML names the BOM and
 * modules the BOM manages, and a consumer module that requires one of ours compiles against the API
 * packages and not against an {@code .internal} one. Runs after the library jars are packaged (with
 * their module descriptors added), on the module path, as a modular application would compile.
 */
class PublishedApiIT {

    private static final String GROUP_ID = "io.github.stytchjakarta";

    private static List<Path> modulePath;

    @TempDir
    Path work;

    @BeforeAll
    static void collectModules() {
        // the explicit modules of the test class path (our packaged jars and the Jakarta APIs), and
        // MicroProfile Config, whose API is an automatic module; other automatic modules stay off the path
        Map<String, Path> byName = new LinkedHashMap<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path jar = Path.of(entry);
            if (!entry.endsWith(".jar")) {
                continue;
            }
            moduleOf(jar).filter(module -> !module.isAutomatic() || module.name().equals("microprofile.config.api"))
                    .ifPresent(module -> byName.putIfAbsent(module.name(), jar));
        }
        modulePath = List.copyOf(byName.values());
    }

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
    void compileWhenAConsumerModuleUsesThePublishedApiThenItCompiles() throws IOException {
        List<String> errors = compile("""
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

        assertThat(errors).isEmpty();
    }

    @Test
    void compileWhenAConsumerModuleUsesAnInternalPackageThenItDoesNotCompile() throws IOException {
        List<String> errors = compile("""
                module consumer { requires io.github.stytchjakarta.cdi; }
                """, """
                package consumer;

                public class App {
                    Object core = io.github.stytchjakarta.core.internal.LogThrottle.class;
                    Object filter = io.github.stytchjakarta.filter.internal.RequestPath.class;
                    Object cdi = io.github.stytchjakarta.cdi.internal.StytchExtension.class;
                }
                """);

        assertThat(errors).hasSize(3).allSatisfy(error -> assertThat(error).containsAnyOf("is not visible", "does not export"));
    }

    private List<String> compile(String moduleInfo, String app) throws IOException {
        Path sources = work.resolve("src");
        Files.createDirectories(sources.resolve("consumer"));
        Files.writeString(sources.resolve("module-info.java"), moduleInfo);
        Files.writeString(sources.resolve("consumer/App.java"), app);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, null)) {
            List<String> options = new ArrayList<>(List.of("-d", work.resolve("classes").toString(), "--release", "17",
                    "--module-path", String.join(java.io.File.pathSeparator, modulePath.stream().map(Path::toString).toList())));
            javac.getTask(null, files, diagnostics, options, null, files.getJavaFileObjects(
                    sources.resolve("module-info.java"), sources.resolve("consumer/App.java"))).call();
        }
        return diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> d.getMessage(null)).toList();
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

    private static Optional<ModuleDescriptor> moduleOf(Path jar) {
        try {
            return ModuleFinder.of(jar).findAll().stream().findFirst().map(ModuleReference::descriptor);
        } catch (RuntimeException e) { // a jar that cannot be a module (e.g. an invalid derived name)
            return Optional.empty();
        }
    }

    private static Path projectRoot() {
        return Path.of(System.getProperty("it.project-root"));
    }
}
