package dev.parley.views;

/** Where the active copy of a key's partition lives, as this instance's metadata says. */
public sealed interface Owner {

    record Local(int partition) implements Owner {
    }

    /** @param host the owner's {@code application.server} ({@code host:port}) */
    record Remote(String host, int partition) implements Owner {
    }

    record Unknown(String reason) implements Owner {
    }
}
