package dev.latchkey.desktop;

import java.util.Locale;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.NodeOrientation;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import dev.latchkey.desktop.language.LanguageViewModel;
import dev.latchkey.desktop.language.LanguageNames;
import dev.latchkey.desktop.navigation.Navigator;
import dev.latchkey.desktop.navigation.Screen;

/**
 * The window's frame: a header (name, who is signed in, the local mailbox, the language) over the
 * current screen. Built again when the language changes; in a right-to-left language it mirrors.
 */
public final class MainWindow {
    private MainWindow() {
    }

    public static Parent create(AppContext context, Navigator navigator) {
        Messages text = context.messages();
        Label title = new Label(text.get("app.name"));
        title.setId("appTitle");
        title.getStyleClass().add("app-title");

        Label signedInAs = new Label();
        signedInAs.setId("signedInAs");
        signedInAs.getStyleClass().add("text-muted");
        signedInAs.textProperty().bind(Bindings.createStringBinding(() -> context.session().get() == null ? ""
                : text.get("header.signedInAs", context.session().get().user().email()), context.session()));

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(12, title, spacer, signedInAs);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(10, 20, 10, 20));
        header.getStyleClass().add("app-header");

        Button helpdesk = new Button(text.get("header.helpdesk"));
        helpdesk.setId("openHelpdesk");
        // No accessible text of its own: a screen reader would read the mnemonic's underscore; the
        // label, its mnemonic taken out, is what JavaFX gives it.
        helpdesk.setMnemonicParsing(true);
        ViewBindings.shownWhen(helpdesk, Bindings.createBooleanBinding(() -> context.session().get() != null
                && context.session().get().user().role().isStaff(), context.session()));
        helpdesk.disableProperty().bind(navigator.currentProperty().isEqualTo(Screen.HELPDESK));
        helpdesk.setOnAction(e -> navigator.show(Screen.HELPDESK));
        Button account = new Button(text.get("header.account"));
        account.setId("openAccount");
        account.setMnemonicParsing(true);
        ViewBindings.shownWhen(account, Bindings.isNotNull(context.session()));
        account.disableProperty().bind(navigator.currentProperty().isEqualTo(Screen.ACCOUNT));
        account.setOnAction(e -> navigator.show(Screen.ACCOUNT));
        header.getChildren().addAll(helpdesk, account);

        if (context.local().isPresent()) {
            Button mailbox = new Button(text.get("header.mailbox"));
            mailbox.setId("openMailbox");
            mailbox.setMnemonicParsing(true);
            mailbox.setAccessibleText(text.get("header.mailbox.accessible"));
            mailbox.disableProperty().bind(navigator.currentProperty().isEqualTo(Screen.MAILBOX));
            mailbox.setOnAction(e -> navigator.show(Screen.MAILBOX));
            header.getChildren().add(mailbox);
        }
        header.getChildren().add(languageMenu(new LanguageViewModel(context), text));

        BorderPane root = new BorderPane();
        root.setId("root");
        root.setTop(header);
        root.setCenter(navigator.host());
        root.getStyleClass().add("app-root");
        root.setNodeOrientation(text.rightToLeft() ? NodeOrientation.RIGHT_TO_LEFT : NodeOrientation.LEFT_TO_RIGHT);
        return root;
    }

    /** Each language under its own name, so that a person finds theirs whatever the app speaks now. */
    private static MenuButton languageMenu(LanguageViewModel viewModel, Messages text) {
        MenuButton menu = new MenuButton(LanguageNames.ownName(viewModel.current()));
        menu.setId("language");
        menu.setAccessibleText(text.get("header.language.accessible", LanguageNames.ownName(viewModel.current())));
        ToggleGroup choice = new ToggleGroup();
        for (Locale language : viewModel.offered()) {
            RadioMenuItem item = new RadioMenuItem(LanguageNames.ownName(language));
            item.setId("language-" + language.toLanguageTag());
            item.setToggleGroup(choice);
            item.setSelected(language.equals(viewModel.current()));
            item.setOnAction(e -> viewModel.choose(language));
            menu.getItems().add(item);
        }
        return menu;
    }
}
