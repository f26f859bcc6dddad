package io.github.dxfailover.aws;

import java.util.function.Consumer;
import java.util.function.Function;

/** One pass over the pages of a listing call: each page asked for with the token the one before it gave. */
final class Pages {
    private Pages() {
    }

    /**
     * @param page      the call for a page, given the token (null for the first)
     * @param nextToken the token a page gives for the next one; null or empty at the end
     * @param each      what to do with each page
     */
    static <R> void each(Function<String, R> page, Function<R, String> nextToken, Consumer<R> each) {
        String token = null;
        do {
            R r = page.apply(token);
            each.accept(r);
            token = nextToken.apply(r);
        } while (token != null && !token.isEmpty());
    }
}
