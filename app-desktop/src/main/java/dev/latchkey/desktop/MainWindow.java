package dev.latchkey.desktop;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import dev.latchkey.desktop.navigation.Navigator;
import dev.latchkey.desktop.navigation.Screen;

/** The window's frame: a header (name, who is signed in, the local mailbox) over the current screen. */
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
        helpdesk.setMnemonicParsing(true);
        helpdesk.setAccessibleText(text.get("header.helpdesk"));
        ViewBindings.shownWhen(helpdesk, Bindings.createBooleanBinding(() -> context.session().get() != null
                && context.session().get().user().role().isStaff(), context.session()));
        helpdesk.disableProperty().bind(navigator.currentProperty().isEqualTo(Screen.HELPDESK));
        helpdesk.setOnAction(e -> navigator.show(Screen.HELPDESK));
        Button account = new Button(text.get("header.account"));
        account.setId("openAccount");
        account.setMnemonicParsing(true);
        account.setAccessibleText(text.get("header.account"));
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

        BorderPane root = new BorderPane();
        root.setId("root");
        root.setTop(header);
        root.setCenter(navigator.host());
        root.getStyleClass().add("app-root");
        return root;
    }
}
