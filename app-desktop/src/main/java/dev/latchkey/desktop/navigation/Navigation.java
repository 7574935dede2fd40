package dev.latchkey.desktop.navigation;

/** Moving between screens: what view-models need, so they can be tested without a UI. */
public interface Navigation {
    void show(Screen screen);

    /** Back from a side trip (the mailbox). */
    void back();
}
