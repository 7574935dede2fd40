package dev.latchkey.desktop.reset;

import javafx.fxml.FXML;

public final class DoneView {
    private final DoneViewModel viewModel;

    public DoneView(DoneViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void backToSignIn() {
        viewModel.backToSignIn();
    }
}
