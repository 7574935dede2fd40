package dev.latchkey.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import dev.latchkey.desktop.navigation.Screen;
import dev.latchkey.testkit.selector.Area;
import dev.latchkey.testkit.selector.FxId;

/**
 * Pins the published fx:ids ({@link FxId}): the app may not gain or lose one unnoticed, and
 * docs/automation.md lists exactly them. Renaming an id means changing FxId and the docs with it.
 */
class PublishedFxIdsTest extends SharedAppUiTest {
    private static final Path DESKTOP = Path.of("..", "app-desktop", "src", "main");
    private static final Path FXML_ROOT = DESKTOP.resolve("resources/dev/latchkey/desktop");
    private static final Path JAVA_ROOT = DESKTOP.resolve("java/dev/latchkey/desktop");
    private static final Path DOCS = Path.of("..", "docs", "automation.md");
    private static final String FXML_NS = "http://javafx.com/fxml/1";
    private static final Pattern SET_ID = Pattern.compile("\\.setId\\(\\s*\"([^\"]+)\"\\s*\\)");
    private static final String BEGIN = "<!-- fx-ids:begin -->";
    private static final String END = "<!-- fx-ids:end -->";

    @Override
    protected LatchkeyWindow open(Stage stage) {
        return openAsAdministrator(stage);
    }

    @Test
    void appSetsExactlyThePublishedFxIds() throws Exception {
        Map<Area, Set<String>> written = idsWrittenInSources();
        Set<String> shown = idsShownOnEveryScreen();
        Set<String> published = Arrays.stream(FxId.values()).map(FxId::id).collect(Collectors.toSet());

        List<String> appeared = new ArrayList<>();
        written.forEach((area, ids) -> ids.stream()
                .filter(id -> Arrays.stream(FxId.values()).noneMatch(p -> p.area() == area && p.id().equals(id)))
                .forEach(id -> appeared.add(area + " " + id)));
        shown.stream().filter(id -> !published.contains(id)).forEach(id -> appeared.add("shown " + id));

        // Ids made in code from values (the checklist's rule-* lines) exist only once shown.
        List<String> disappeared = Arrays.stream(FxId.values())
                .filter(p -> !written.getOrDefault(p.area(), Set.of()).contains(p.id())
                        && !(setInCode(p.area()) && shown.contains(p.id())))
                .map(p -> p + " (" + p.area() + " " + p.id() + ")")
                .toList();

        // Both lists at once: a rename shows as one id appearing and one disappearing.
        assertSoftly(softly -> {
            softly.assertThat(appeared).as("fx:ids the app sets that FxId does not publish: add them to FxId and "
                    + "docs/automation.md, or put the old name back").isEmpty();
            softly.assertThat(disappeared).as("published fx:ids the app no longer sets: a rename breaks every "
                    + "test that automates the app; change FxId and docs/automation.md deliberately").isEmpty();
        });
    }

    @Test
    void docsListExactlyThePublishedFxIds() throws IOException {
        String docs = Files.readString(DOCS);
        assertThat(docs).contains(BEGIN).contains(END);
        String listed = docs.substring(docs.indexOf(BEGIN) + BEGIN.length(), docs.indexOf(END)).strip();
        assertThat(listed).as("docs/automation.md's selector tables; replace them with the expected text")
                .isEqualTo(selectorTables());
    }

    /** The selector tables as docs/automation.md holds them, from {@link FxId}. */
    private static String selectorTables() {
        StringBuilder out = new StringBuilder();
        for (Area area : Area.values()) {
            out.append("### ").append(area.title()).append(" (`").append(area).append("`)\n\n")
                    .append("Set in ").append(area.sources().stream().map(s -> "`" + s + "`")
                            .collect(Collectors.joining(" and "))).append(".\n\n")
                    .append("| fx:id | `FxId` | what it is |\n|---|---|---|\n");
            for (FxId id : FxId.values()) {
                if (id.area() == area) {
                    out.append("| `").append(id.id()).append("` | `").append(id.name()).append("` | ")
                            .append(id.description().replace("|", "\\|")).append(" |\n");
                }
            }
            out.append('\n');
        }
        return out.toString().strip();
    }

    /** Every fx:id of every FXML file, and every literal setId(...) in the Java sources, by area. */
    private static Map<Area, Set<String>> idsWrittenInSources() throws Exception {
        Map<Area, Set<String>> ids = new EnumMap<>(Area.class);
        List<String> strays = new ArrayList<>();
        for (Path file : files(FXML_ROOT, ".fxml")) {
            collect(ids, strays, FXML_ROOT.relativize(file), fxmlIds(file));
        }
        for (Path file : files(JAVA_ROOT, ".java")) {
            Set<String> literal = new TreeSet<>();
            Matcher m = SET_ID.matcher(Files.readString(file));
            while (m.find()) {
                literal.add(m.group(1));
            }
            collect(ids, strays, JAVA_ROOT.relativize(file), literal);
        }
        assertThat(strays).as("files that set fx:ids but belong to no Area: give them one in Area and FxId")
                .isEmpty();
        return ids;
    }

    private static void collect(Map<Area, Set<String>> ids, List<String> strays, Path relative, Set<String> found) {
        if (found.isEmpty()) {
            return;
        }
        String source = relative.toString().replace('\\', '/');
        Arrays.stream(Area.values()).filter(a -> a.sources().contains(source)).findFirst().ifPresentOrElse(
                area -> ids.computeIfAbsent(area, a -> new TreeSet<>()).addAll(found),
                () -> strays.add(source + " " + found));
    }

    private static Set<String> fxmlIds(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        NodeList elements = factory.newDocumentBuilder().parse(file.toFile()).getElementsByTagName("*");
        Set<String> ids = new TreeSet<>();
        for (int i = 0; i < elements.getLength(); i++) {
            Element element = (Element) elements.item(i);
            if (element.hasAttributeNS(FXML_NS, "id")) {
                ids.add(element.getAttributeNS(FXML_NS, "id"));
            }
        }
        return ids;
    }

    private static List<Path> files(Path root, String suffix) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }

    private static boolean setInCode(Area area) {
        return area.sources().stream().anyMatch(s -> s.endsWith(".java"));
    }

    /** The ids of every node of every screen, as an administrator sees them. */
    private Set<String> idsShownOnEveryScreen() {
        Set<String> ids = new HashSet<>();
        for (Screen screen : Screen.values()) {
            window.goTo(screen).awaitScreen(screen);
            window.robot().interact(() -> collect(window.stage().getScene().getRoot(), ids));
        }
        return ids;
    }

    private static void collect(Node node, Set<String> ids) {
        // JavaFX's own skin parts name themselves ("virtual-flow"): those are not the app's ids.
        if (node.getId() != null && !node.getClass().getPackageName().equals("javafx.scene.control.skin")) {
            ids.add(node.getId());
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collect(child, ids));
        }
        // A menu's items are no nodes until it opens; their ids are published all the same.
        if (node instanceof MenuButton menu) {
            menu.getItems().stream().map(MenuItem::getId).filter(Objects::nonNull).forEach(ids::add);
        }
    }
}
