package dev.latchkey.desktop.support;

import java.util.ArrayList;
import java.util.List;

import dev.latchkey.desktop.navigation.Navigation;
import dev.latchkey.desktop.navigation.Screen;

/** Remembers where view-models asked to go. */
public final class RecordingNavigation implements Navigation {
    public final List<Screen> shown = new ArrayList<>();

    @Override
    public void show(Screen screen) {
        shown.add(screen);
    }

    @Override
    public void back() {
        shown.add(null);
    }

    public Screen last() {
        return shown.isEmpty() ? null : shown.get(shown.size() - 1);
    }
}
